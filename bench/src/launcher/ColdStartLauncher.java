import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imitates what the Lambda Java runtime does for one cold start: load the handler class by name, construct it with
 * its no-arg constructor (the init phase), then call handleRequest once with the event (the first invoke).
 *
 * <p>Usage: {@code java -cp launcher:function.jar ColdStartLauncher <handler class> <event.json>}. Prints one JSON
 * line with the measurements. The clock reads happen before java.lang.management is touched, so the
 * measurement classes do not count towards the times (they do add a constant ~100 classes to the class count,
 * the same for every jar, the hello-world baseline included).
 */
public final class ColdStartLauncher {
    public static void main(String[] args) throws Exception {
        String handlerName = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));

        long beforeInit = System.currentTimeMillis();
        Class<?> type = Class.forName(handlerName, true, ColdStartLauncher.class.getClassLoader());
        RequestStreamHandler handler = (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
        long afterInit = System.currentTimeMillis();

        // --snapstart: what SnapStart does before the snapshot. Run the handler's CRaC beforeCheckpoint/afterRestore
        // (org.crac's global context calls every registered Resource), then, if BENCH_SDK_PRIMING names services,
        // com.podcastinsights.aws.Priming for them (what a handler gets once it calls Priming itself). The invoke
        // that follows is a proxy for a restored SnapStart invoke; restore itself is not simulated.
        long primeMs = 0;
        if (args.length > 2 && args[2].equals("--snapstart")) {
            String services = System.getenv("BENCH_SDK_PRIMING");
            if (services != null && !services.isBlank()) {
                Class<?> priming = Class.forName("com.podcastinsights.aws.Priming");
                for (String service : services.split(",")) priming.getMethod(service.trim()).invoke(null);
            }
            // org.crac's global context refuses direct calls outside a CRaC JVM; our handlers register
            // themselves as the Resource, so call the handler's own hooks the way the checkpoint would.
            for (Class<?> c : type.getInterfaces()) {
                if (c.getName().equals("org.crac.Resource")) {
                    Class<?> contextType = Class.forName("org.crac.Context", false, type.getClassLoader());
                    c.getMethod("beforeCheckpoint", contextType).invoke(handler, (Object) null);
                    c.getMethod("afterRestore", contextType).invoke(handler, (Object) null);
                }
            }
            primeMs = System.currentTimeMillis() - afterInit;
            afterInit = System.currentTimeMillis();
        }

        var out = new ByteArrayOutputStream();
        String error = null;
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext());
        } catch (Throwable t) {
            error = t.toString();
            t.printStackTrace();
        }
        long afterInvoke = System.currentTimeMillis();

        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long hwmKb = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) hwmKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        System.out.println("{\"handler\":\"" + handlerName + "\""
                + ",\"jvmToInitMs\":" + (beforeInit - jvmStart)
                + ",\"initMs\":" + (afterInit - beforeInit)
                + ",\"primeMs\":" + primeMs
                + ",\"invokeMs\":" + (afterInvoke - afterInit)
                + ",\"firstInvocationEndMs\":" + (afterInvoke - jvmStart)
                + ",\"classesLoaded\":" + classes
                + ",\"peakRssKb\":" + hwmKb
                + ",\"outputBytes\":" + out.size()
                + ",\"output\":\"" + out.toString(StandardCharsets.UTF_8).replace("\\", "\\\\").replace("\"", "'")
                        .replaceAll("\\s+", " ") + "\""
                + ",\"error\":" + (error == null ? "null" : "\"" + error.replace("\\", "\\\\").replace("\"", "'") + "\"")
                + "}");
        System.exit(error == null ? 0 : 1);
    }

    private static final class BenchContext implements Context {
        public String getAwsRequestId() { return "bench-0000"; }
        public String getLogGroupName() { return "/aws/lambda/bench"; }
        public String getLogStreamName() { return "bench"; }
        public String getFunctionName() { return "bench"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:bench"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 60_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.err.print(message); }
                public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
