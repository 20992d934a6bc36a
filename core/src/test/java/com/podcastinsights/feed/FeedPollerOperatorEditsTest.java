package com.podcastinsights.feed;

import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's {@code feeds remove} and {@code feeds update} made while a poll runs (issue 13, item 5). The poll
 * read both feeds before it downloaded them; the operator's changes land while the server is answering, which is
 * exactly "during the poll", with no timing involved.
 */
class FeedPollerOperatorEditsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFeedRemovedOrUpdatedWhileItIsPolledStaysRemovedOrUpdated() {
        byte[] body = FeedPollerLimitsTest.feed("show", 3, 3);
        String removedUrl = server.uri("/a.xml").toString();
        String updatedUrl = server.uri("/b.xml").toString();
        feeds.add(removedUrl, null);
        feeds.add(updatedUrl, "B", true);
        String a = FeedRepository.idFor(removedUrl);
        String b = FeedRepository.idFor(updatedUrl);
        server.route("/a.xml", ex -> {
            feeds.remove(a); // `feeds remove A` while A is being fetched
            LoopbackServer.send(ex, 200, "application/rss+xml", body);
        });
        server.route("/b.xml", ex -> {
            feeds.setTranscribe(b, false); // `feeds update B --no-transcribe` meanwhile
            LoopbackServer.send(ex, 200, "application/rss+xml", body);
        });

        new FeedPoller(feeds, episodes, new InMemoryBlobStore(), events, new SafeHttpClient(HttpPolicy.local()),
                Clock.fixed(NOW, ZoneOffset.UTC), 1, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).pollAll();

        assertTrue(feeds.find(a).isEmpty(), "the removed feed is not brought back");
        assertTrue(episodes.listByFeed(a).isEmpty(), "nor are its episodes kept");
        assertTrue(events.published(PipelineEvents.EPISODE_DISCOVERED).stream()
                .noneMatch(e -> e.detailJson().contains(a)), "nor announced");
        Feed updated = feeds.find(b).orElseThrow();
        assertFalse(updated.transcribe(), "the operator's --no-transcribe stays");
        assertEquals(NOW.toString(), updated.lastSuccessAt(), "and the poll's health is written too");
        assertEquals("B", updated.title());
        assertEquals(3, episodes.listByFeed(b).size());
    }
}
