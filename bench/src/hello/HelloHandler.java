package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The baseline: a hello-world RequestStreamHandler, as in lambda-perf. Reads the event, writes a greeting. */
public final class HelloHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int n = input.readAllBytes().length;
        output.write(("{\"hello\":\"world\",\"eventBytes\":" + n + "}").getBytes(StandardCharsets.UTF_8));
    }
}
