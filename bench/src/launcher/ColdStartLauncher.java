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
                + ",\"invokeMs\":" + (afterInvoke - afterInit)
                + ",\"firstInvocationEndMs\":" + (afterInvoke - jvmStart)
                + ",\"classesLoaded\":" + classes
                + ",\"peakRssKb\":" + hwmKb
                + ",\"outputBytes\":" + out.size()
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
