package com.podcastinsights.feed;

import com.podcastinsights.json.Json;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.FeedBatchRequested;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedFanOutTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final String SCHEDULED = "2026-11-30T06:00:00Z";

    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final FeedPoller poller = new FeedPoller(feeds, episodes, new InMemoryBlobStore(), events,
            new SafeHttpClient(HttpPolicy.local()), Clock.fixed(NOW, ZoneOffset.UTC), 2,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedFanOut fanOut(int size) {
        return new FeedFanOut(feeds, poller, events, size);
    }

    /** Subscribes {@code n} feeds that serve the fixture with an ETag and answer 304 to it; returns their ids. */
    private List<String> subscribe(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = "/feed-" + i + ".xml";
            server.route(path, ex -> {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                } else {
                    LoopbackServer.send(ex, 200, "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
                }
            });
            String url = server.uri(path).toString();
            feeds.add(url, null);
            ids.add(FeedRepository.idFor(url));
        }
        return ids;
    }

    private static Feed feed(String id, String lastSuccessAt) {
        return new Feed(id, "https://example.com/" + id, null, null, null, lastSuccessAt, 0, null);
    }

    private static List<FeedBatchRequested> batches(List<PipelineEvent> published) {
        return published.stream().map(e -> {
            try {
                return Json.MAPPER.readValue(e.detailJson(), FeedBatchRequested.class);
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }).toList();
    }

    // ------------------------------------------------------------------ the decision

    @Test
    void feedsThatFitOneInvocationAreNotSplit() {
        List<Feed> ten = IntStream.range(0, 10).mapToObj(i -> feed("f" + i, null)).toList();

        assertEquals(List.of(), FeedFanOut.plan(ten, 10, SCHEDULED));
        assertEquals(List.of(), FeedFanOut.plan(List.of(), 10, SCHEDULED));
        assertEquals(2, FeedFanOut.plan(ten, 9, SCHEDULED).size());
    }

    @Test
    void moreFeedsThanOneInvocationTakesAreSplitIntoCeilBatchesCoveringEachFeedOnce() {
        List<Feed> all = IntStream.range(0, 1001).mapToObj(i -> feed(String.format("%016x", i), null)).toList();

        List<FeedBatchRequested> plan = FeedFanOut.plan(all, 250, SCHEDULED);

        assertEquals(5, plan.size()); // ceil(1001 / 250)
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            FeedBatchRequested b = plan.get(i);
            assertEquals(i, b.batchIndex());
            assertEquals(5, b.batchCount());
            assertEquals(SCHEDULED, b.scheduledTime());
            assertTrue(b.feedIds().size() <= 250, "batch " + i + " has " + b.feedIds().size());
            covered.addAll(b.feedIds());
        }
        assertEquals(1, plan.get(4).feedIds().size());
        assertEquals(1001, covered.size());
        assertEquals(all.stream().map(Feed::id).collect(java.util.stream.Collectors.toSet()), new HashSet<>(covered));
    }

    @Test
    void leastRecentlyFetchedFeedsGoInTheFirstBatch() {
        List<Feed> all = List.of(feed("recent", "2026-11-30T05:00:00Z"), feed("old", "2026-11-01T05:00:00Z"),
                feed("never", null));

        List<FeedBatchRequested> plan = FeedFanOut.plan(all, 2, SCHEDULED);

        assertEquals(List.of("never", "old"), plan.get(0).feedIds());
        assertEquals(List.of("recent"), plan.get(1).feedIds());
    }

    @Test
    void aBatchEventStaysFarUnderTheEventBridgeEntryLimit() {
        List<Feed> most = IntStream.range(0, FeedFanOut.MAX_FEEDS_PER_INVOCATION)
                .mapToObj(i -> feed(String.format("%016x", Long.MAX_VALUE - i), null)).toList();
        FeedBatchRequested biggest = new FeedBatchRequested(most.stream().map(Feed::id).toList(), 999, 1000,
                SCHEDULED);
        FeedBatchRequested usual = new FeedBatchRequested(biggest.feedIds().subList(0, 250), 0, 1, SCHEDULED);

        int usualBytes = FeedFanOut.event(usual).detailJson().getBytes(StandardCharsets.UTF_8).length;
        int biggestBytes = FeedFanOut.event(biggest).detailJson().getBytes(StandardCharsets.UTF_8).length;

        assertTrue(usualBytes < 8 * 1024, usualBytes + " bytes");
        assertTrue(biggestBytes < 32 * 1024, biggestBytes + " bytes"); // the limit is 256 KB per entry
    }

    @Test
    void anUnreasonableBatchSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fanOut(0));
        assertThrows(IllegalArgumentException.class, () -> fanOut(FeedFanOut.MAX_FEEDS_PER_INVOCATION + 1));
    }

    // ------------------------------------------------------------------ the scheduled run

    @Test
    void aScheduleWithFewFeedsPollsThemItself() {
        subscribe(3);

        FeedFanOut.ScheduledRun run = fanOut(3).onSchedule(SCHEDULED, null);

        assertEquals(0, run.batches());
        assertEquals(3, run.polled().orElseThrow().feeds());
        assertEquals(3, server.requests().size());
        assertEquals(List.of(), events.published(PipelineEvents.FEED_BATCH_REQUESTED));
        assertEquals(9, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
    }

    @Test
    void aScheduleWithMoreFeedsPublishesBatchesAndPollsNone() {
        List<String> ids = subscribe(23);

        FeedFanOut.ScheduledRun run = fanOut(2).onSchedule(SCHEDULED, null);

        assertEquals(12, run.batches());
        assertTrue(run.polled().isEmpty());
        assertEquals(0, server.requests().size());
        List<FeedBatchRequested> published = batches(events.published(PipelineEvents.FEED_BATCH_REQUESTED));
        assertEquals(12, published.size()); // two PutEvents calls of at most ten entries
        assertEquals(new HashSet<>(ids), new HashSet<>(published.stream().flatMap(b -> b.feedIds().stream()).toList()));
        assertEquals(23, published.stream().mapToInt(b -> b.feedIds().size()).sum());
    }

    @Test
    void aFanningOutScheduleStillAnnouncesTheBacklogOnce() {
        subscribe(3);
        episodes.recordUnannounced(new Episode("feedgone00000001", "ep-orphan", "g", "Gone", "Left behind", null,
                null, null, "notes", List.of(), null, NOW.toString()));

        FeedFanOut.ScheduledRun run = fanOut(1).onSchedule(SCHEDULED, null);
        for (FeedBatchRequested b : batches(events.published(PipelineEvents.FEED_BATCH_REQUESTED))) {
            fanOut(1).onBatch(b, null);
        }

        assertEquals(1, run.backlog().announced());
        assertEquals(1, events.published(PipelineEvents.EPISODE_DISCOVERED).stream()
                .filter(e -> e.detailJson().contains("ep-orphan")).count());
    }

    @Test
    void aFailedPublishFailsTheScheduledRun() {
        subscribe(3);
        events.failNext(1);

        assertThrows(IllegalStateException.class, () -> fanOut(1).onSchedule(SCHEDULED, null));
    }

    // ------------------------------------------------------------------ one batch

    @Test
    void aBatchPollsExactlyItsFeedsAndSkipsUnsubscribedOnes() {
        List<String> ids = subscribe(4);
        feeds.remove(ids.get(1));
        FeedBatchRequested batch = new FeedBatchRequested(List.of(ids.get(0), ids.get(1), ids.get(2)), 0, 2, SCHEDULED);

        FeedFanOut.BatchRun run = fanOut(2).onBatch(batch, null);

        assertEquals(2, run.report().feeds());
        assertEquals(1, run.unsubscribed());
        assertEquals(Set.of("/feed-0.xml", "/feed-2.xml"),
                Set.copyOf(server.requests().stream().map(LoopbackServer.Request::path).toList()));
        assertEquals(6, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
    }

    @Test
    void aReplayedBatchPollsAgainConditionallyAndRecordsNothingTwice() {
        List<String> ids = subscribe(2);
        FeedBatchRequested batch = new FeedBatchRequested(ids, 0, 1, SCHEDULED);

        FeedFanOut.BatchRun first = fanOut(2).onBatch(batch, null);
        FeedFanOut.BatchRun replay = fanOut(2).onBatch(batch, null);

        assertEquals(6, first.report().newEpisodes());
        assertEquals(2, replay.report().notModified());
        assertEquals(0, replay.report().newEpisodes());
        assertEquals(6, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
        assertTrue(server.requests().subList(2, 4).stream().allMatch(r -> "\"v1\"".equals(r.header("If-None-Match"))));
    }
}
