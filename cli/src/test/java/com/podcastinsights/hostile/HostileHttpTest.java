package com.podcastinsights.hostile;

import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.Resolver;
import com.podcastinsights.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile HTTP behind a feed URL, polled next to an honest feed ({@link HostileFeedBatch}). SafeHttpClient
 * checks the scheme and every resolved address of every hop against {@link com.podcastinsights.http.AddressGuard},
 * caps the body before and after decompression, and holds one deadline for the whole exchange. The local
 * policy is used so the honest feed on 127.0.0.1 can be fetched; every refusal below holds in production too
 * (production only adds loopback to the refused addresses, see {@link #loopbackIsRefusedInProduction()}).
 */
class HostileHttpTest {
    private final HostileFeedBatch batch = new HostileFeedBatch();
    private final SafeHttpClient local = new SafeHttpClient(HttpPolicy.local());

    @AfterEach
    void close() {
        batch.close();
    }

    @Test
    void aGzipBombIsCutAtTheDecompressedCap() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) gz.write(zeros); // 64 MB of zeros, about 64 KB on the wire
        }
        batch.pollServed(exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackServer.send(exchange, 200, "application/rss+xml", bomb.toByteArray());
        }, local);

        batch.assertRefused("decompressed response exceeds " + HttpPolicy.local().maxBytes() + " bytes");
    }

    @Test
    void aTrickleThatNeverEndsHitsTheTotalDeadline() {
        // One byte every 20 ms keeps any per-read timeout happy; only a deadline on the whole exchange ends it.
        // The deadline is the policy's, injected short so the test is quick; nothing here measures time.
        HttpPolicy p = HttpPolicy.local();
        SafeHttpClient impatient = new SafeHttpClient(new HttpPolicy(true, p.maxBytes(), Duration.ofMillis(400),
                p.maxRedirects(), p.userAgent()));
        batch.pollServed(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000; i++) { // bounded, so a client that never hangs up still ends the test
                    out.write('<');
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException clientGaveUp) {
                // expected once the deadline passes
            }
        }, impatient);

        batch.assertRefused("timed out after 400 ms");
    }

    @Test
    void endlessRedirectsStopAtTheLimit() {
        AtomicInteger hops = new AtomicInteger();
        batch.pollServed(LoopbackServer.counting(hops, exchange -> {
            exchange.getResponseHeaders().add("Location", "/hostile.xml?hop=" + hops.get());
            exchange.sendResponseHeaders(302, -1);
        }), local);

        batch.assertRefused("too many redirects (more than 5)");
        assertEquals(HttpPolicy.local().maxRedirects() + 1, hops.get());
    }

    @Test
    void aServerCannotWriteControlCharactersIntoTheLogOrTheHealth() {
        // ESC [2J clears a terminal; the error quotes the Location, so `feeds broken` would print it
        batch.pollServed(LoopbackServer.redirect(302, "/\u001b[2J\u001b[31mpwned /x"), local);

        batch.assertRefused("Invalid header value");
        assertTrue(batch.hostileFeed().lastError().chars().noneMatch(Character::isISOControl),
                batch.hostileFeed().lastError());
        assertTrue(batch.log().chars().noneMatch(c -> c != '\n' && Character.isISOControl(c)), batch.log());
    }

    @ParameterizedTest(name = "redirect to {0}")
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/ | a link-local address",
            "http://10.0.0.1/admin | a private address",
            "http://[::ffff:169.254.169.254]/latest/meta-data/ | a link-local address",
            "http://[fd00:ec2::254]/latest/meta-data/ | a unique local address",
            "file:///etc/passwd | only http and https are allowed",
            "http://2852039166/latest/meta-data/ | ambiguous numeric host"})
    void aRedirectToAnInternalTargetIsRefusedOnTheHop(String target, String why) {
        batch.pollServed(LoopbackServer.redirect(302, target), local);

        batch.assertRefused(why);
        assertEquals(1, batch.hostile.requests().size(), "only the first hop was made");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data/ | a link-local address",
            "http://[fe80::1]/feed.xml | a link-local address",
            "http://[::ffff:169.254.169.254]/feed.xml | a link-local address",
            "http://[::ffff:10.0.0.1]/feed.xml | a private address",
            "http://[64:ff9b::a9fe:a9fe]/feed.xml | a link-local address",
            "http://[2002:a9fe:a9fe::1]/feed.xml | a link-local address",
            "http://2852039166/feed.xml | ambiguous numeric host",
            "http://0x7f.1/feed.xml | no valid host name in \"0x7f.1\"",
            "http://0x7f000001/feed.xml | ambiguous numeric host",
            "http://017700000001/feed.xml | ambiguous numeric host",
            "http://0177.0.0.1/feed.xml | ambiguous numeric host",
            "http://0.0.0.0/feed.xml | the unspecified address",
            "http://user:secret@feeds.example/feed.xml | credentials in URLs are not allowed",
            "file:///etc/passwd | only http and https are allowed",
            "ftp://feeds.example/feed.xml | only http and https are allowed",
            "gopher://127.0.0.1:6379/_INFO | only http and https are allowed",
            "jar:http://feeds.example/x.jar!/feed.xml | only http and https are allowed"})
    void aFeedUrlAimedInsideIsRefusedWithoutAConnection(String url, String why) {
        batch.poll(url, local);

        batch.assertRefused(why);
    }

    @Test
    void loopbackIsRefusedInProduction() {
        batch.hostile.content("/hostile.xml", "application/rss+xml", "<rss/>".getBytes());
        SafeHttpClient production = new SafeHttpClient(HttpPolicy.production());

        batch.poll("http://[::1]:" + batch.hostile.uri("/").getPort() + "/hostile.xml", production);

        // The honest feed is on 127.0.0.1 too and is refused alike; the hostile one must say why and store nothing.
        assertTrue(batch.hostileFeed().lastError().contains("a loopback address"), batch.hostileFeed().lastError());
        batch.assertNothingStoredForHostile();
        assertEquals(0, batch.hostile.requests().size());
    }

    /** Names as a hostile DNS server would answer them; IP literals as usual. */
    private static final Resolver HOSTILE_DNS = host -> switch (host) {
        case "intranet.feeds.test" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})};
        case "metadata.feeds.test" -> new InetAddress[] {InetAddress.getByAddress(host,
                new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})};
        case "mixed.feeds.test" -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 1, 1})};
        default -> {
            if (!host.matches("[0-9.]+")) throw new UnknownHostException(host);
            yield new InetAddress[] {InetAddress.getByName(host)};
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://intranet.feeds.test/feed.xml | a private address (10.1.2.3)",
            "http://metadata.feeds.test/latest/meta-data/ | a link-local address (169.254.169.254)",
            "http://mixed.feeds.test/feed.xml | a private address (192.168.1.1)"})
    void aNameWhoseDnsAnswerPointsInsideIsRefused(String url, String why) {
        batch.poll(url, new SafeHttpClient(HttpPolicy.local(), HOSTILE_DNS));

        batch.assertRefused(why);
    }

    @Test
    void aRedirectToANameWhoseDnsAnswerPointsInsideIsRefused() {
        batch.pollServed(LoopbackServer.redirect(301, "http://metadata.feeds.test/latest/meta-data/"),
                new SafeHttpClient(HttpPolicy.local(), HOSTILE_DNS));

        batch.assertRefused("a link-local address (169.254.169.254)");
        assertEquals(batch.feeds.find(batch.hostileId()).orElseThrow().url(), batch.hostile.uri("/hostile.xml").toString(),
                "a refused permanent redirect does not move the stored URL");
    }
}
