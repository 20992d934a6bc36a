package com.podcastinsights.http;

import com.podcastinsights.feed.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeHttpClientTest {
    private final LoopbackServer server = new LoopbackServer();
    private final SafeHttpClient local = new SafeHttpClient(HttpPolicy.local());

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpPolicy localWithMaxBytes(long max) {
        HttpPolicy p = HttpPolicy.local();
        return new HttpPolicy(true, max, p.timeout(), p.maxRedirects(), p.userAgent());
    }

    @Test
    void fetchesBodyAndSendsPolicyHeaders() throws IOException {
        server.content("/feed", "application/rss+xml", utf8("<rss/>"));

        HttpResult r = local.get(server.uri("/feed"), null, null);

        assertEquals(200, r.status());
        assertArrayEquals(utf8("<rss/>"), r.body());
        assertEquals("application/rss+xml", r.contentType());
        assertNull(r.permanentUri());
        var sent = server.requests().get(0);
        assertEquals(HttpPolicy.USER_AGENT, sent.header("User-Agent"));
        assertTrue(sent.header("Accept-Encoding").contains("gzip"));
        assertNull(sent.header("If-None-Match"));
    }

    @Test
    void conditionalGetSendsValidatorsAndReportsNotModified() throws IOException {
        server.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                LoopbackServer.send(ex, 200, "application/xml", utf8("<rss/>"));
            }
        });

        HttpResult first = local.get(server.uri("/feed"), null, null);
        HttpResult second = local.get(server.uri("/feed"), first.etag(), "Mon, 30 Nov 2026 06:00:00 GMT");

        assertEquals("\"v1\"", first.etag());
        assertTrue(second.notModified());
        assertEquals(0, second.body().length);
        assertEquals("Mon, 30 Nov 2026 06:00:00 GMT", server.requests().get(1).header("If-Modified-Since"));
    }

    @Test
    void decodesGzipAndDeflate() throws IOException {
        byte[] text = utf8("hello ".repeat(100));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        ByteArrayOutputStream df = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(df)) {
            out.write(text);
        }
        server.route("/gz", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/plain", gz.toByteArray());
        });
        server.route("/df", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "deflate");
            LoopbackServer.send(ex, 200, "text/plain", df.toByteArray());
        });

        assertArrayEquals(text, local.get(server.uri("/gz"), null, null).body());
        assertArrayEquals(text, local.get(server.uri("/df"), null, null).body());
    }

    @Test
    void refusesGzipBombPastTheDecompressedCap() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[1_000_000]);
        }
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "application/xml", gz.toByteArray());
        });
        SafeHttpClient capped = new SafeHttpClient(localWithMaxBytes(64 * 1024));

        IOException e = assertThrows(IOException.class, () -> capped.get(server.uri("/bomb"), null, null));
        assertEquals("decompressed response exceeds 65536 bytes", e.getMessage());
    }

    @Test
    void refusesBodyPastTheCapWithAndWithoutContentLength() {
        byte[] big = new byte[5000];
        server.content("/sized", "application/xml", big);
        server.route("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 5; i++) out.write(new byte[1000]);
            }
        });
        SafeHttpClient capped = new SafeHttpClient(localWithMaxBytes(1000));

        IOException sized = assertThrows(IOException.class, () -> capped.get(server.uri("/sized"), null, null));
        IOException chunked = assertThrows(IOException.class, () -> capped.get(server.uri("/chunked"), null, null));
        assertTrue(sized.getMessage().startsWith("response exceeds 1000 bytes"), sized.getMessage());
        assertEquals("response exceeds 1000 bytes", chunked.getMessage());
    }

    @Test
    void permanentRedirectReportsTheNewUriButTemporaryDoesNot() throws IOException {
        server.content("/new", "application/xml", utf8("<rss/>"));
        server.route("/moved", LoopbackServer.redirect(301, "/new"));
        server.route("/moved308", LoopbackServer.redirect(308, server.uri("/new").toString()));
        server.route("/temp", LoopbackServer.redirect(302, "/new"));
        server.route("/temp307", LoopbackServer.redirect(307, "/new"));
        server.route("/moved-then-temp", LoopbackServer.redirect(301, "/temp"));

        assertEquals(server.uri("/new"), local.get(server.uri("/moved"), null, null).permanentUri());
        assertEquals(server.uri("/new"), local.get(server.uri("/moved308"), null, null).permanentUri());
        assertNull(local.get(server.uri("/temp"), null, null).permanentUri());
        assertNull(local.get(server.uri("/temp307"), null, null).permanentUri());
        HttpResult chain = local.get(server.uri("/moved-then-temp"), null, null);
        assertEquals(server.uri("/temp"), chain.permanentUri());
        assertEquals(server.uri("/new"), chain.finalUri());
    }

    @Test
    void stopsRedirectLoops() {
        server.route("/a", LoopbackServer.redirect(302, "/b"));
        server.route("/b", LoopbackServer.redirect(302, "/a"));

        IOException e = assertThrows(RefusedRequestException.class, () -> local.get(server.uri("/a"), null, null));
        assertTrue(e.getMessage().startsWith("too many redirects"), e.getMessage());
        assertEquals(HttpPolicy.local().maxRedirects() + 1, server.requests().size());
    }

    @Test
    void errorStatusesThrowWithTheStatus() {
        HttpStatusException e = assertThrows(HttpStatusException.class,
                () -> local.get(server.uri("/missing"), null, null));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("404"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/feed", "http://2130706433/feed", "http://0x7f000001/feed", "http://0177.0.0.1/feed",
            "file:///etc/passwd", "ftp://example.com/feed.xml", "http://192.168.1.1/", "http://172.16.5.4/",
            "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/",
            "http://0.0.0.0/", "http://user:pass@example.com/"})
    void productionPolicyRefusesPrivateTargetsAndOtherSchemes(String url) {
        SafeHttpClient production = new SafeHttpClient(HttpPolicy.production());

        assertThrows(RefusedRequestException.class, () -> production.get(URI.create(url), null, null));
    }

    @Test
    void productionPolicyRefusesALiveLoopbackServerWithoutContactingIt() {
        server.content("/feed", "application/xml", utf8("<rss/>"));
        SafeHttpClient production = new SafeHttpClient(HttpPolicy.production());

        RefusedRequestException e = assertThrows(RefusedRequestException.class,
                () -> production.get(server.uri("/feed"), null, null));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void redirectToAPrivateAddressIsRefusedOnTheHop() {
        server.route("/to-metadata", LoopbackServer.redirect(302, "http://169.254.169.254/latest/meta-data/"));
        server.route("/to-private", LoopbackServer.redirect(301, "http://10.0.0.1/admin"));

        RefusedRequestException metadata = assertThrows(RefusedRequestException.class,
                () -> local.get(server.uri("/to-metadata"), null, null));
        assertThrows(RefusedRequestException.class, () -> local.get(server.uri("/to-private"), null, null));
        assertTrue(metadata.getMessage().contains("169.254.169.254"), metadata.getMessage());
    }

    @Test
    void redirectToANameThatResolvesPrivatelyIsRefused() throws IOException {
        // The seam: "feeds.test" stands for a public host, "intranet.test" for one whose DNS points inside.
        Resolver names = host -> switch (host) {
            case "intranet.test" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 0, 7})};
            case "127.0.0.1" -> new InetAddress[] {InetAddress.getLoopbackAddress()};
            default -> throw new UnknownHostException(host);
        };
        server.route("/hop", LoopbackServer.redirect(307, "http://intranet.test/secret"));
        SafeHttpClient client = new SafeHttpClient(HttpPolicy.local(), names);

        RefusedRequestException e = assertThrows(RefusedRequestException.class,
                () -> client.get(server.uri("/hop"), null, null));
        assertTrue(e.getMessage().contains("private address"), e.getMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void slowServerHitsTheDeadline() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.send(ex, 200, "text/plain", utf8("late"));
        });
        HttpPolicy p = HttpPolicy.local();
        SafeHttpClient impatient = new SafeHttpClient(new HttpPolicy(true, p.maxBytes(), Duration.ofMillis(300),
                p.maxRedirects(), p.userAgent()));
        try {
            assertThrows(HttpTimeoutException.class, () -> impatient.get(server.uri("/slow"), null, null));
        } finally {
            release.countDown();
        }
    }
}
