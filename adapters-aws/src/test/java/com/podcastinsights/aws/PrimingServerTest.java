package com.podcastinsights.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The loopback server priming sends the real transport to: it answers what is queued, whatever the request. */
class PrimingServerTest {
    @Test
    void answersARequestWithABodyAndExpectContinueWithTheQueuedResponseThenCloses() throws Exception {
        try (var server = new PrimingServer(); var http = UrlConnectionHttpClient.create()) {
            server.answer(new PrimingServer.Response(201, Map.of("ETag", "\"x\""), "done".getBytes(StandardCharsets.UTF_8)));
            byte[] body = "a request body".getBytes(StandardCharsets.UTF_8);
            for (var length : new String[]{Integer.toString(body.length), null}) { // fixed length, then chunked
                var request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                        .uri(URI.create("http://127.0.0.1:" + server.port() + "/priming/key"))
                        .putHeader("Expect", "100-continue");
                if (length != null) request.putHeader("Content-Length", length);
                HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request.build())
                        .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();

                assertEquals(201, response.httpResponse().statusCode());
                assertEquals("\"x\"", response.httpResponse().firstMatchingHeader("ETag").orElseThrow());
                // no keep-alive connection is left to be captured in the snapshot
                assertEquals("close", response.httpResponse().firstMatchingHeader("Connection").orElseThrow());
                assertEquals("done", new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
