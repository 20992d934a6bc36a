package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.feed.InMemoryBlobStore;
import com.podcastinsights.feed.InMemoryTable;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.feed.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchFeedsHandlerTest {
    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FetchFeedsHandler handler = new FetchFeedsHandler(new Adapters(new InMemoryBlobStore(), table, null,
            events, new SafeHttpClient(HttpPolicy.local()), Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC),
            Settings.defaults()));

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
        return EventEnvelope.JSON.readTree(out.toByteArray());
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

    @Test
    void withLessTimeLeftThanTheMarginNoFeedIsStartedAndTheSummarySaysSo() throws IOException {
        server.content("/feed.xml", "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
        new FeedRepository(table).add(server.uri("/feed.xml").toString(), null);
        com.amazonaws.services.lambda.runtime.Context almostOut = (com.amazonaws.services.lambda.runtime.Context)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
                        (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                                ? (int) FetchFeedsHandler.BUDGET_MARGIN.minusSeconds(5).toMillis() : null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(sampleEvent("fetch-feeds-schedule.json")), out, almostOut);

        JsonNode summary = EventEnvelope.JSON.readTree(out.toByteArray());
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
        handler.beforeCheckpoint(null);

        assertTrue(events.published().isEmpty());
        assertEquals(0, table.writes());
    }
}
