package com.podcastinsights.http;

import com.podcastinsights.feed.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streamed GET for podcast audio: same guard and redirects as feeds, a byte cap and a download deadline. */
class SafeHttpClientStreamTest {
    private final LoopbackServer server = new LoopbackServer();
    private final SafeHttpClient local = new SafeHttpClient(HttpPolicy.local());
    private final byte[] body = new byte[200_000];

    {
        new Random(11).nextBytes(body);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsTheBodyThroughRedirects() throws IOException {
        server.content("/a.mp3", "audio/mpeg", body);
        server.route("/old.mp3", LoopbackServer.redirect(302, "/a.mp3"));
        try (StreamedResponse r = local.openStream(server.uri("/old.mp3"), body.length, Duration.ofSeconds(10))) {
            assertEquals("audio/mpeg", r.contentType());
            assertEquals(body.length, r.contentLength());
            assertEquals(server.uri("/a.mp3"), r.finalUri());
            assertArrayEquals(body, r.body().readAllBytes());
        }
        assertEquals("identity", server.requests().get(0).header("Accept-Encoding"));
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeReading() {
        server.content("/a.mp3", "audio/mpeg", body);
        var e = assertThrows(RefusedRequestException.class,
                () -> local.openStream(server.uri("/a.mp3"), body.length - 1, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
    }

    @Test
    void anUndeclaredLengthIsCutOffAtTheCap() throws IOException {
        server.route("/chunked.mp3", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientWentAway) {
                // the client stops reading at the cap
            }
        });
        try (StreamedResponse r = local.openStream(server.uri("/chunked.mp3"), 50_000, Duration.ofSeconds(10))) {
            assertEquals(-1, r.contentLength());
            InputStream in = r.body();
            var e = assertThrows(RefusedRequestException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("exceeds 50000 bytes"), e.getMessage());
        }
    }

    @Test
    void theProductionPolicyRefusesLoopbackAndPrivateAddresses() {
        SafeHttpClient production = new SafeHttpClient(HttpPolicy.production(), host -> new InetAddress[]{InetAddress.getByName("10.0.0.7")});
        assertThrows(RefusedRequestException.class,
                () -> production.openStream(URI.create("http://audio.example/a.mp3"), 1000, Duration.ofSeconds(5)));
        assertThrows(RefusedRequestException.class, () -> new SafeHttpClient(HttpPolicy.production())
                .openStream(server.uri("/a.mp3"), 1000, Duration.ofSeconds(5)));
    }

    @Test
    void anErrorStatusIsAnError() {
        assertThrows(HttpStatusException.class,
                () -> local.openStream(server.uri("/missing.mp3"), 1000, Duration.ofSeconds(5)));
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineTimesOut() throws IOException {
        server.route("/slow.mp3", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, 1000);
                out.flush();
                Thread.sleep(3_000);
                out.write(body, 1000, 1000);
            } catch (IOException | InterruptedException gone) {
                // the client gave up
            }
        });
        try (StreamedResponse r = local.openStream(server.uri("/slow.mp3"), body.length, Duration.ofMillis(300))) {
            assertThrows(java.net.http.HttpTimeoutException.class, () -> r.body().readAllBytes());
        }
    }
}
