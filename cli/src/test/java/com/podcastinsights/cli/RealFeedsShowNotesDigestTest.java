package com.podcastinsights.cli;

import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.http.Resolver;
import com.podcastinsights.local.FileTable;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12's bar: a digest built from real feeds that have only show notes carries no bio, list, link or ad copy.
 * `run --feeds FILE.opml --allow-loopback` on the real-world feeds of ../shared/corpus (read-only, skipped when
 * absent), served as they were captured from a loopback server. Their enclosure and transcript links point to the
 * internet; the resolver here stands in for an offline machine, so every such fetch is refused at once (no DNS,
 * no connect timeout) and the episodes fall back to their show notes, deterministically wherever the test runs.
 * The captured episodes are years old, and FetchFeeds announces only those inside its freshness window (48 h):
 * served as captured, nothing would be announced and the test would pass on an empty day. So the server moves
 * every {@code pubDate} to the last minutes, one minute apart in document order, and changes nothing else.
 */
class RealFeedsShowNotesDigestTest {
    private static final Path FEEDS = Path.of(System.getProperty("project.root", ".."))
            .resolve("../shared/corpus/feeds/partytime/real-world").normalize();

    /** Only the loopback literal resolves: everything on the internet is unreachable, and fails fast. */
    private static final Resolver OFFLINE = host -> {
        if (host.equals("127.0.0.1")) return new InetAddress[]{InetAddress.getLoopbackAddress()};
        throw new UnknownHostException(host + ": offline (this test has no internet)");
    };

    @Test
    void aDigestFromRealFeedsWithShowNotesOnlyCarriesNoBioListLinkOrAdCopy(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isDirectory(FEEDS), "reference corpus not present: " + FEEDS);
        List<Path> feeds;
        try (Stream<Path> s = Files.list(FEEDS)) {
            feeds = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assumeTrue(!feeds.isEmpty(), "no feeds in " + FEEDS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // the JDK server otherwise waits on Nagle for its small writes; set before the first server of this JVM
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                Path file = FEEDS.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!file.getParent().equals(FEEDS) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = recent(Files.readAllBytes(file), now);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            Path opml = dir.resolve("real-world.opml");
            StringBuilder outlines = new StringBuilder();
            for (Path f : feeds) {
                outlines.append("<outline type=\"rss\" text=\"").append(f.getFileName()).append("\" xmlUrl=\"http://127.0.0.1:")
                        .append(server.getAddress().getPort()).append('/').append(f.getFileName()).append("\"/>\n");
            }
            Files.writeString(opml, "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>real-world</title></head>"
                    + "<body>\n" + outlines + "</body></opml>\n");
            Path out = dir.resolve("out");

            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            CommandLine cli = new CommandLine(new RunCommand(OFFLINE));
            cli.setOut(new PrintWriter(stdout, true));
            cli.setErr(new PrintWriter(stderr, true));
            int code = cli.execute("--feeds", opml.toString(), "--allow-loopback", "--to", "reader@example.com",
                    "--out", out.toString(), "--template", template().toString());

            String log = stderr.toString();
            assertFalse(log.contains("event deliveries failed"), log);
            assertTrue(log.contains("feeds: " + feeds.size() + " subscribed"), log);
            assertFalse(log.contains("refused http://127.0.0.1"), "--allow-loopback lets the feeds in: " + log);
            List<Path> html = outbox(out).stream().filter(p -> p.toString().endsWith(".html")).toList();
            if (code != 0) {
                // an honest empty day (nothing in the notes above the floor) is allowed; a broken run is not
                assertTrue(log.contains("no insights for"), "exit " + code + "\n" + log);
                assertTrue(html.isEmpty(), html.toString());
                return;
            }
            assertEquals(1, html.size(), "one digest for one subscriber: " + html + "\n" + stdout);
            List<String> insights = ReaderCopy.insightsOfHtml(html.get(0));
            assertFalse(insights.isEmpty(), "the digest lists its insights\n" + Files.readString(html.get(0)));
            List<String> report = new ArrayList<>();
            boolean clean = true;
            for (String text : insights) {
                List<String> v = ReaderCopy.violations(text);
                clean &= v.isEmpty();
                report.add((v.isEmpty() ? "ok" : v.toString()) + ": " + text);
            }
            assertTrue(clean, "insights carrying show-notes copy:\n" + String.join("\n", report));
        } finally {
            server.stop(0);
        }
    }

    private static final Pattern PUB_DATE = Pattern.compile("<pubDate>[^<]*</pubDate>");

    /** The feed with its k-th {@code pubDate} set to k minutes before now; ISO-8859-1 keeps every other byte as it was. */
    static byte[] recent(byte[] feed, Instant now) {
        Matcher m = PUB_DATE.matcher(new String(feed, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (m.find()) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minus(k++, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
            m.appendReplacement(out, Matcher.quoteReplacement("<pubDate>" + date + "</pubDate>"));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void withoutTheSwitchAFeedOnLoopbackIsRefused(@TempDir Path dir) throws IOException {
        Path opml = dir.resolve("one.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body><outline type=\"rss\" text=\"x\""
                + " xmlUrl=\"http://127.0.0.1:9/feed.xml\"/></body></opml>\n");
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand(OFFLINE));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(stderr, true));
        int code = cli.execute("--feeds", opml.toString(), "--out", dir.resolve("out").toString(),
                "--template", template().toString());
        assertEquals(1, code, stderr.toString());
        List<Feed> feeds = new FeedRepository(new FileTable(dir.resolve("out/table"))).list();
        assertEquals(1, feeds.size());
        assertTrue(String.valueOf(feeds.get(0).lastError()).contains("a loopback address"), feeds.get(0).toString());
    }

    @Test
    void theSwitchIsOnlyForFeeds() {
        StringWriter stderr = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "run", "--sample",
                "--allow-loopback");
        assertEquals(2, code, stderr.toString());
        assertTrue(stderr.toString().contains("--allow-loopback is for --feeds"), stderr.toString());
    }

    private static List<Path> outbox(Path out) throws IOException {
        Path dir = out.resolve("outbox");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path template() {
        return Path.of(System.getProperty("project.root", "..")).resolve("template.yaml");
    }
}
