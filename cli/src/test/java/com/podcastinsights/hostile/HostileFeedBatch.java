package com.podcastinsights.hostile;

import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.http.SafeHttpClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One FetchFeeds poll of a hostile feed next to an honest one, with everything the poll may touch in memory,
 * so a case can check the whole contract of bad input: a clear error in the log and in the feed's health, the
 * honest feed processed as usual, and nothing written for the hostile feed (no raw copy, no episode, no event).
 *
 * <p>The honest feed has its own server: LoopbackServer answers one request at a time, and a hostile response
 * that trickles must not hold up the honest one.
 */
final class HostileFeedBatch implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    static final String HONEST_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Honest Show</title>
            <item><guid>honest-1</guid><title>First honest episode</title><description>Notes one.</description>
            <enclosure url="https://cdn.example/1.mp3" type="audio/mpeg" length="1"/></item>
            <item><guid>honest-2</guid><title>Second honest episode</title><description>Notes two.</description>
            <enclosure url="https://cdn.example/2.mp3" type="audio/mpeg" length="1"/></item>
            </channel></rss>""";

    final LoopbackServer honest = new LoopbackServer();
    final LoopbackServer hostile = new LoopbackServer();
    final InMemoryTable table = new InMemoryTable();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final RecordingPublisher events = new RecordingPublisher();
    final FeedRepository feeds = new FeedRepository(table);
    final EpisodeRepository episodes = new EpisodeRepository(table);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private String honestId;
    private String hostileId;
    PollReport report;

    HostileFeedBatch() {
        honest.content("/feed.xml", "application/rss+xml", HONEST_FEED.getBytes(StandardCharsets.UTF_8));
    }

    /** Subscribes the honest feed and {@code hostileUrl}, then polls both once with {@code http}. */
    HostileFeedBatch poll(String hostileUrl, SafeHttpClient http) {
        String honestUrl = honest.uri("/feed.xml").toString();
        feeds.add(honestUrl, null);
        feeds.add(hostileUrl, null);
        honestId = FeedRepository.idFor(honestUrl);
        hostileId = FeedRepository.idFor(hostileUrl);
        FeedPoller poller = new FeedPoller(feeds, episodes, blobs, events, http, Clock.fixed(NOW, ZoneOffset.UTC), 4,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        report = poller.pollAll();
        return this;
    }

    /** Polls a hostile document served at {@code /hostile.xml}. */
    HostileFeedBatch pollServed(LoopbackServer.Responder responder, SafeHttpClient http) {
        hostile.route("/hostile.xml", responder);
        return poll(hostile.uri("/hostile.xml").toString(), http);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    Feed hostileFeed() {
        return feeds.find(hostileId).orElseThrow();
    }

    Feed honestFeed() {
        return feeds.find(honestId).orElseThrow();
    }

    /**
     * The contract of a refused feed: {@code why} in its health and in its log line, failure counted, nothing
     * stored or announced for it, and the honest feed in the same poll fully processed.
     */
    void assertRefused(String why) {
        Feed refused = hostileFeed();
        assertTrue(refused.lastError() != null && refused.lastError().contains(why),
                "health names the cause: " + refused.lastError());
        assertEquals(1, refused.consecutiveFailures());
        assertNull(refused.lastSuccessAt());
        String line = log().lines().filter(l -> l.contains(hostileId)).findFirst().orElse("");
        assertTrue(line.contains("FAILED: ") && line.contains(why), "log line names the cause: " + log());
        assertEquals(1, report.failed(), "exactly the hostile feed failed");
        assertNothingStoredForHostile();
        assertHonestFeedProcessed();
    }

    /** A hostile feed that is repaired rather than refused: no failure, and the honest feed still fine. */
    void assertAccepted() {
        assertEquals(0, report.failed(), log());
        assertNull(hostileFeed().lastError());
        assertHonestFeedProcessed();
    }

    void assertNothingStoredForHostile() {
        assertTrue(blobs.list("feeds/" + hostileId + "/").isEmpty(), "no raw copy of a refused feed");
        assertTrue(episodes.listByFeed(hostileId).isEmpty(), "no episode from a refused feed");
        assertTrue(events.published().stream().noneMatch(e -> e.detailJson().contains(hostileId)),
                "no event for a refused feed");
    }

    void assertHonestFeedProcessed() {
        Feed ok = honestFeed();
        assertNull(ok.lastError(), ok.lastError());
        assertEquals(NOW.toString(), ok.lastSuccessAt());
        assertEquals("Honest Show", ok.title());
        assertEquals(2, episodes.listByFeed(honestId).size());
        assertEquals(1, blobs.list("feeds/" + honestId + "/").size());
        assertEquals(2, events.published(PipelineEvents.EPISODE_DISCOVERED).stream()
                .filter(e -> e.detailJson().contains(honestId)).count());
    }

    String hostileId() {
        return hostileId;
    }

    @Override
    public void close() {
        honest.close();
        hostile.close();
    }
}
