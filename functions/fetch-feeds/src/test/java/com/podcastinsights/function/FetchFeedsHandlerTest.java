package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchFeedsHandlerTest {
    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FetchFeedsHandler handler = new FetchFeedsHandler(com.podcastinsights.stage.FetchFeedsStage.build(com.podcastinsights.stage.FetchFeedsStage.Config.defaults(), table, new InMemoryBlobStore(), events,
                new SafeHttpClient(HttpPolicy.local()), Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC)), Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] sampleEvent(String name) throws IOException {
        String root = System.getProperty("project.root", "../..");
        return Files.readAllBytes(Path.of(root, "events", name));
    }

    private JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void scheduledEventPollsFeedsAndSummarises() throws IOException {
        server.content("/feed.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        new FeedRepository(table).add(server.uri("/feed.xml").toString(), null);
        new FeedRepository(table).add(server.uri("/gone.xml").toString(), null);

        JsonNode summary = invoke(sampleEvent("fetch-feeds-schedule.json"));
        JsonNode again = invoke(sampleEvent("fetch-feeds-schedule.json"));

        assertEquals(2, summary.get("feeds").asInt());
        assertEquals(1, summary.get("failed").asInt());
        assertEquals(3, summary.get("newEpisodes").asInt());
        assertEquals(0, again.get("newEpisodes").asInt());
        assertEquals(3, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
    }

    /** Subscribes {@code n} feeds serving the fixture (distinct paths, one host); returns their paths. */
    private List<String> subscribe(int n) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = "/feed-" + i + ".xml";
            server.content(path, "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
            new FeedRepository(table).add(server.uri(path).toString(), null);
            paths.add(path);
        }
        return paths;
    }

    private FetchFeedsHandler handler(int feedsPerInvocation, com.podcastinsights.port.EventPublisher bus) {
        return new FetchFeedsHandler(com.podcastinsights.stage.FetchFeedsStage.build(new com.podcastinsights.stage.FetchFeedsStage.Config(feedsPerInvocation, com.podcastinsights.feed.PollLimits.defaults()), table, new InMemoryBlobStore(), bus,
                new SafeHttpClient(HttpPolicy.local()), Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC)), Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC));
    }

    private static JsonNode invoke(FetchFeedsHandler h, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void aScheduledRunWithMoreFeedsThanABatchFansOutAndTheBatchesPollEveryFeedOnce() throws IOException {
        List<String> paths = subscribe(7);
        FetchFeedsHandler small = handler(3, events);

        JsonNode summary = invoke(small, new String(sampleEvent("fetch-feeds-schedule.json"), StandardCharsets.UTF_8));

        assertEquals(7, summary.get("feeds").asInt());
        assertEquals(3, summary.get("batches").asInt()); // ceil(7 / 3)
        assertEquals(0, server.requests().size());
        List<PipelineEvent> batches = events.published(PipelineEvents.FEED_BATCH_REQUESTED);
        assertEquals(3, batches.size());
        List<String> ids = new ArrayList<>();
        for (PipelineEvent b : batches) {
            JsonNode detail = Json.MAPPER.readTree(b.detailJson());
            assertEquals("2026-11-30T06:00:00Z", detail.get("scheduledTime").asText()); // the sample's time
            assertEquals(3, detail.get("batchCount").asInt());
            detail.get("feedIds").forEach(id -> ids.add(id.asText()));
        }
        assertEquals(7, ids.size());
        assertEquals(7, Set.copyOf(ids).size());

        int polled = 0;
        for (PipelineEvent b : batches) {
            JsonNode run = invoke(small, EventEnvelope.envelope(b, "id-" + polled, "2026-11-30T06:00:01Z",
                    "123456789012", "us-east-1").toString());
            polled += run.get("feeds").asInt();
            assertEquals(0, run.get("failed").asInt());
        }

        assertEquals(7, polled);
        assertEquals(paths, server.requests().stream().map(LoopbackServer.Request::path).sorted().toList());
        assertEquals(21, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
        assertEquals(3, events.published(PipelineEvents.FEED_BATCH_REQUESTED).size()); // a batch never fans out
    }

    @Test
    void theBatchSampleEventPollsItsFeedsAndSkipsUnknownOnes() throws IOException {
        JsonNode summary = invoke(sampleEvent("feed-batch-requested.json"));

        assertEquals(0, summary.get("feeds").asInt());
        assertEquals(3, summary.get("unsubscribed").asInt());
        assertEquals(0, summary.get("batchIndex").asInt());
        assertEquals("2026-11-30T06:00:00Z", summary.get("scheduledTime").asText());
        assertTrue(events.published().isEmpty());
    }

    @Test
    void aBatchEventWithoutFeedIdsIsRefused() {
        String bad = "{\"source\":\"podcast-insights\",\"detail-type\":\"Feed Batch Requested\","
                + "\"detail\":{\"scheduledTime\":\"2026-11-30T06:00:00Z\"}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> invoke(bad.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("feedIds"), e.getMessage());
    }

    @Test
    void withLessTimeLeftThanTheMarginNoFeedIsStartedAndTheSummarySaysSo() throws IOException {
        server.content("/feed.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        new FeedRepository(table).add(server.uri("/feed.xml").toString(), null);
        com.amazonaws.services.lambda.runtime.Context almostOut = (com.amazonaws.services.lambda.runtime.Context)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
                        (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                                ? (int) com.podcastinsights.feed.PollBudget.START_MARGIN.minusSeconds(5).toMillis() : null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(sampleEvent("fetch-feeds-schedule.json")), out, almostOut);

        JsonNode summary = Json.MAPPER.readTree(out.toByteArray());
        assertEquals(1, summary.get("skipped").asInt());
        assertEquals(0, summary.get("failed").asInt());
        assertEquals(0, server.requests().size());
    }

    @Test
    void malformedEventsThrow() {
        assertThrows(IOException.class, () -> invoke("not json".getBytes(StandardCharsets.UTF_8)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> invoke("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not a JSON object"));
        assertTrue(events.published().isEmpty());
    }

    @Test
    void noArgConstructorRequiresItsEnvironment() {
        // Test JVMs do not carry the Lambda's variables; the constructor must say which one is missing.
        if (System.getenv("TABLE_NAME") != null) return;
        IllegalStateException e = assertThrows(IllegalStateException.class, FetchFeedsHandler::new);
        assertTrue(e.getMessage().contains("TABLE_NAME"), e.getMessage());
    }

    @Test
    void primingBeforeSnapshotTouchesNoAdapter() throws Exception {
        FetchFeedsLambda.prime();

        assertTrue(events.published().isEmpty());
        assertEquals(0, table.writes());
    }

    @Test
    void eachRunWritesOneMetricLineFromItsReport() throws IOException {
        List<String> lines = new ArrayList<>();
        handler.metricsTo(lines::add, "prod");
        server.content("/feed.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        new FeedRepository(table).add(server.uri("/feed.xml").toString(), null);
        new FeedRepository(table).add(server.uri("/gone.xml").toString(), null);

        invoke(sampleEvent("fetch-feeds-schedule.json"));

        assertEquals(1, lines.size());
        JsonNode line = Json.MAPPER.readTree(lines.get(0));
        assertEquals("PodcastInsights", line.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("prod", line.get("Stack").asText());
        assertEquals("fetch-feeds", line.get("Stage").asText());
        assertEquals(1, line.get("FeedsFetched").asInt());
        assertEquals(1, line.get("FeedsFailed").asInt());
        assertEquals(0, line.get("FeedsNotModified").asInt());
        assertEquals(3, line.get("EpisodesDiscovered").asInt());
    }
}
