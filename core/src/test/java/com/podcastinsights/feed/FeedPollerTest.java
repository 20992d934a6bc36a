package com.podcastinsights.feed;

import com.podcastinsights.json.Json;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedPollerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final FeedPoller poller = new FeedPoller(feeds, episodes, blobs, events, new SafeHttpClient(HttpPolicy.local()),
            Clock.fixed(NOW, ZoneOffset.UTC), 2, new PrintStream(progress, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves the fixture with an ETag and honours If-None-Match, as a well-behaved host does. */
    private void serveWithEtag(String path, byte[] body) {
        server.route(path, ex -> {
            ex.getResponseHeaders().add("ETag", "\"rev-1\"");
            if ("\"rev-1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                LoopbackServer.send(ex, 200, "application/rss+xml", body);
            }
        });
    }

    private String subscribe(String path) {
        String url = server.uri(path).toString();
        feeds.add(url, null);
        return FeedRepository.idFor(url);
    }

    @Test
    void announcesEachNewEpisodeOnceAcrossPolls() {
        serveWithEtag("/feed.xml", Fixtures.bytes("feeds/rss.xml"));
        String feedId = subscribe("/feed.xml");

        PollReport first = poller.pollAll();
        PollReport second = poller.pollAll();

        assertEquals(new PollReport(1, 0, 0, 3, 3, 0), first);
        assertEquals(new PollReport(1, 1, 0, 0, 0, 0), second);
        assertEquals(3, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
        assertEquals(3, episodes.listByFeed(feedId).size());
        assertTrue(episodes.listUnannounced().isEmpty());
    }

    @Test
    void notModifiedStoresAndParsesNothing() {
        serveWithEtag("/feed.xml", Fixtures.bytes("feeds/rss.xml"));
        String feedId = subscribe("/feed.xml");
        poller.pollAll();
        int writesAfterFirst = table.writes();

        poller.pollAll();

        assertEquals(1, blobs.list("feeds/" + feedId + "/").size());
        assertEquals("\"rev-1\"", server.requests().get(1).header("If-None-Match"));
        // only the feed's health is written on a 304
        assertEquals(writesAfterFirst + 1, table.writes());
    }

    @Test
    void sameContentWithoutValidatorsStillAnnouncesNothingTwice() {
        server.content("/plain.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        subscribe("/plain.xml");

        poller.pollAll();
        PollReport second = poller.pollAll();

        assertEquals(0, second.newEpisodes());
        assertEquals(3, events.published().size());
    }

    @Test
    void sameBytesWithoutValidatorsAreNotParsedStoredOrRewritten() {
        server.content("/plain.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        String feedId = subscribe("/plain.xml");
        poller.pollAll();
        int writesAfterFirst = table.writes();

        PollReport second = poller.pollAll();

        assertEquals(1, second.notModified(), "same bytes count as unchanged");
        assertEquals(1, blobs.list("feeds/" + feedId + "/").size(), "no second raw copy");
        assertEquals(writesAfterFirst + 1, table.writes(), "only the feed's health, not one put per item");
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("unchanged since the last fetch"));

        byte[] changed = new String(Fixtures.bytes("feeds/rss.xml"), StandardCharsets.UTF_8)
                .replace("</channel>", "<item><guid>added-later</guid><title>Added later</title></item></channel>")
                .getBytes(StandardCharsets.UTF_8);
        server.content("/plain.xml", "application/rss+xml", changed);
        PollReport third = poller.pollAll();
        assertEquals(0, third.notModified());
        assertEquals(1, third.newEpisodes());
        // the fixed clock gives the same raw key, so the copy is replaced rather than added
        String raw = blobs.list("feeds/" + feedId + "/").get(0);
        assertEquals(new String(changed, StandardCharsets.UTF_8), new String(blobs.get(raw).orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aFailedPollKeepsTheContentHashSoTheNextSameBodyIsStillSkipped() {
        server.content("/plain.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        String feedId = subscribe("/plain.xml");
        poller.pollAll();
        String hash = feeds.find(feedId).orElseThrow().contentSha256();
        assertNotNull(hash);
        server.route("/plain.xml", ex -> LoopbackServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8)));
        poller.pollAll();
        assertEquals(hash, feeds.find(feedId).orElseThrow().contentSha256());
    }

    @Test
    void eventDetailDescribesTheEpisode() throws IOException {
        serveWithEtag("/feed.xml", Fixtures.bytes("feeds/rss.xml"));
        String feedId = subscribe("/feed.xml");

        poller.pollAll();

        String episodeId = EpisodeRepository.idFor(feedId, "tidewater-ep-12");
        PipelineEvent event = events.published().stream()
                .filter(e -> e.detailJson().contains(episodeId)).findFirst().orElseThrow();
        JsonNode detail = Json.MAPPER.readTree(event.detailJson());
        assertEquals(PipelineEvents.SOURCE, event.source());
        assertEquals(feedId, detail.get("feedId").asText());
        assertEquals("The Tidewater Workshop", detail.get("podcastTitle").asText());
        assertEquals("Steam-bending oak without cracking it", detail.get("episodeTitle").asText());
        assertEquals("2026-11-29T09:00:00Z", detail.get("publishedAt").asText());
        Episode stored = episodes.find(feedId, episodeId).orElseThrow();
        assertEquals(List.of(
                new TranscriptLink(server.uri("/transcripts/ep12.srt").toString(), "application/srt", null, null),
                new TranscriptLink(server.uri("/transcripts/ep12.json").toString(), "application/json", "en", null),
                new TranscriptLink("https://cdn.tidewater.example/ep12.vtt", "text/vtt", null, "captions")),
                stored.transcripts());
        assertEquals(NOW.toString(), stored.discoveredAt());
    }

    @Test
    void episodesSurviveABusOutageAndAreAnnouncedNextRun() {
        serveWithEtag("/feed.xml", Fixtures.bytes("feeds/rss.xml"));
        String feedId = subscribe("/feed.xml");
        events.failNext(1);

        PollReport outage = poller.pollAll();
        assertEquals(3, outage.newEpisodes());
        assertEquals(0, outage.announced());
        assertEquals(1, outage.publishFailures());
        assertEquals(3, episodes.listUnannounced().size());

        PollReport recovery = poller.pollAll(); // a 304: the feed is unchanged, the backlog still goes out
        assertEquals(1, recovery.notModified());
        assertEquals(3, recovery.announced());
        Set<String> announcedIds = events.published().stream().map(PipelineEvent::detailJson).collect(Collectors.toSet());
        assertEquals(3, announcedIds.size());
        assertTrue(episodes.listUnannounced().isEmpty());
    }

    @Test
    void episodeRecordedByACrashedRunIsAnnouncedByTheNext() {
        Episode orphan = new Episode("feedgone00000001", "ep-orphan", "g", "Gone", "Left behind", null, null, null,
                "notes", List.of(), null, NOW.toString());
        episodes.recordUnannounced(orphan);

        PollReport report = poller.pollAll();
        PollReport next = poller.pollAll();

        assertEquals(1, report.announced());
        assertEquals(0, next.announced());
        assertTrue(events.published().get(0).detailJson().contains("ep-orphan"));
        assertTrue(episodes.find("feedgone00000001", "ep-orphan").isPresent());
    }

    @Test
    void oneBrokenFeedDoesNotStopTheOthers() {
        server.route("/broken.xml", ex -> LoopbackServer.send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8)));
        server.content("/garbage.xml", "application/rss+xml", "<rss><channel>".getBytes(StandardCharsets.UTF_8));
        serveWithEtag("/feed.xml", Fixtures.bytes("feeds/rss.xml"));
        String broken = subscribe("/broken.xml");
        String garbage = subscribe("/garbage.xml");
        String good = subscribe("/feed.xml");

        PollReport report = poller.pollAll();
        poller.pollAll();

        assertEquals(3, report.feeds());
        assertEquals(2, report.failed());
        assertEquals(3, report.newEpisodes());
        Feed brokenFeed = feeds.find(broken).orElseThrow();
        assertEquals(2, brokenFeed.consecutiveFailures());
        assertTrue(brokenFeed.lastError().contains("HTTP 500"), brokenFeed.lastError());
        assertNull(brokenFeed.lastSuccessAt());
        assertTrue(feeds.find(garbage).orElseThrow().lastError().startsWith("malformed feed XML"));
        assertTrue(blobs.list("feeds/" + garbage + "/").isEmpty(), "nothing is stored from a feed that does not parse");
        Feed goodFeed = feeds.find(good).orElseThrow();
        assertEquals(0, goodFeed.consecutiveFailures());
        assertNull(goodFeed.lastError());
        assertEquals(NOW.toString(), goodFeed.lastSuccessAt());
        assertEquals("\"rev-1\"", goodFeed.etag());
        assertEquals("The Tidewater Workshop", goodFeed.title());
        String log = progress.toString(StandardCharsets.UTF_8);
        assertEquals(6, log.lines().count(), log);
    }

    @Test
    void successAfterFailuresResetsHealth() {
        server.route("/flaky.xml", ex -> LoopbackServer.send(ex, 503, null, new byte[0]));
        String id = subscribe("/flaky.xml");
        poller.pollAll();
        server.content("/flaky.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));

        poller.pollAll();

        Feed f = feeds.find(id).orElseThrow();
        assertEquals(0, f.consecutiveFailures());
        assertNull(f.lastError());
        assertNotNull(f.lastSuccessAt());
    }

    @Test
    void permanentRedirectUpdatesTheStoredUrlButNotTheId() {
        server.route("/old.xml", LoopbackServer.redirect(301, "/new.xml"));
        serveWithEtag("/new.xml", Fixtures.bytes("feeds/rss.xml"));
        String id = subscribe("/old.xml");

        poller.pollAll();
        poller.pollAll();

        assertEquals(server.uri("/new.xml").toString(), feeds.find(id).orElseThrow().url());
        assertEquals(List.of("/old.xml", "/new.xml", "/new.xml"),
                server.requests().stream().map(LoopbackServer.Request::path).toList());
    }

    @Test
    void temporaryRedirectKeepsTheStoredUrl() {
        server.route("/old.xml", LoopbackServer.redirect(302, "/new.xml"));
        serveWithEtag("/new.xml", Fixtures.bytes("feeds/rss.xml"));
        String id = subscribe("/old.xml");

        poller.pollAll();

        assertEquals(server.uri("/old.xml").toString(), feeds.find(id).orElseThrow().url());
    }

    @Test
    void itunesNewFeedUrlMovesTheStoredUrlAndTheNextPollGoesThere() {
        String moved = server.uri("/moved.xml").toString();
        byte[] old = ("<rss><channel><title>Old home</title><itunes:new-feed-url>" + moved
                + "</itunes:new-feed-url><item><guid>o-1</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        serveWithEtag("/old.xml", old);
        serveWithEtag("/moved.xml", Fixtures.bytes("feeds/rss.xml"));
        String id = subscribe("/old.xml");

        poller.pollAll();
        Feed afterFirst = feeds.find(id).orElseThrow();
        poller.pollAll();

        assertEquals(moved, afterFirst.url());
        assertNull(afterFirst.etag(), "the old server's validator is not sent to the new one");
        assertEquals(List.of("/old.xml", "/moved.xml"),
                server.requests().stream().map(LoopbackServer.Request::path).toList());
    }

    @Test
    void aNewFeedUrlThatIsNotHttpIsIgnored() {
        byte[] doc = "<rss><channel><title>T</title><itunes:new-feed-url>file:///etc/passwd</itunes:new-feed-url></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        serveWithEtag("/feed.xml", doc);
        String id = subscribe("/feed.xml");

        poller.pollAll();

        assertEquals(server.uri("/feed.xml").toString(), feeds.find(id).orElseThrow().url());
    }

    @Test
    void oneHostNeverSeesMoreThanThePerHostLimitAtOnce() throws IOException {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        // A server that answers in parallel (LoopbackServer answers one request at a time, hiding concurrency).
        com.sun.net.httpserver.HttpServer parallel = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        parallel.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        parallel.createContext("/", ex -> {
            try (ex) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                LoopbackServer.send(ex, 200, "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
            }
        });
        parallel.start();
        try {
            for (int i = 0; i < 8; i++) {
                feeds.add("http://127.0.0.1:" + parallel.getAddress().getPort() + "/f" + i + ".xml", null);
            }
            FeedPoller limited = new FeedPoller(feeds, episodes, blobs, events, new SafeHttpClient(HttpPolicy.local()),
                    Clock.fixed(NOW, ZoneOffset.UTC), 16, 2, new PrintStream(progress, true, StandardCharsets.UTF_8));

            PollReport report = limited.pollAll();

            assertEquals(0, report.failed());
            assertEquals(2, most.get(), "two at once on one host, never more");
        } finally {
            parallel.stop(0);
        }
    }

    @Test
    void pastTheTimeBudgetNoDownloadStartsAndNoFeedIsMarkedFailed() {
        serveWithEtag("/a.xml", Fixtures.bytes("feeds/rss.xml"));
        serveWithEtag("/b.xml", Fixtures.bytes("feeds/rss.xml"));
        String a = subscribe("/a.xml");
        subscribe("/b.xml");

        PollReport report = poller.pollAll(NOW.minusSeconds(1));

        assertEquals(2, report.skipped());
        assertEquals(0, report.failed());
        assertEquals(0, server.requests().size());
        assertEquals(0, feeds.find(a).orElseThrow().consecutiveFailures());
        assertTrue(progress.toString().contains("2 feeds left for the next run"), progress.toString());
    }

    @Test
    void withinTheTimeBudgetEveryFeedIsPolled() {
        serveWithEtag("/a.xml", Fixtures.bytes("feeds/rss.xml"));
        subscribe("/a.xml");

        PollReport report = poller.pollAll(NOW.plusSeconds(60));

        assertEquals(0, report.skipped());
        assertEquals(1, server.requests().size());
    }
}
