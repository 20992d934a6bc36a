package com.podcastinsights.function;

import java.util.List;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.store.Keys;
import com.podcastinsights.transcript.TranscriptCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchTranscriptHandlerTest {
    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FetchTranscriptHandler handler = new FetchTranscriptHandler(com.podcastinsights.stage.FetchTranscriptStage.build(table, blobs, events,
                new SafeHttpClient(HttpPolicy.local()), null), Clock.systemUTC());

    @AfterEach
    void stop() {
        server.close();
    }

    private static ObjectNode sampleEvent() throws IOException {
        String root = System.getProperty("project.root", "../..");
        return (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of(root, "events", "episode-discovered.json")));
    }

    private JsonNode invoke(JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private void recordSampleEpisode(String transcriptUrl, String notes) throws IOException {
        JsonNode d = sampleEvent().get("detail");
        new EpisodeRepository(table).recordIfNew(new Episode(d.get("feedId").asText(), d.get("episodeId").asText(), "g1",
                d.get("podcastTitle").asText(), d.get("episodeTitle").asText(), d.get("publishedAt").asText(), null, null,
                notes, transcriptUrl == null ? List.of() : List.of(new TranscriptLink(transcriptUrl, "text/vtt", null, null)),
                null, "2026-11-30T06:00:05Z"));
    }

    @Test
    void sampleEventStoresTheTranscriptAndEmitsTranscriptStored() throws IOException {
        server.content("/ep.vtt", "text/vtt", Fixtures.bytes("transcripts/episode.vtt"));
        recordSampleEpisode(server.uri("/ep.vtt").toString(), null);

        JsonNode summary = invoke(sampleEvent());

        String key = Keys.transcriptKey("7d3f9a1c2b4e6f80", "e1a2b3c4d5e6f708");
        assertTrue(summary.get("stored").asBoolean());
        assertEquals(key, summary.get("transcriptKey").asText());
        assertEquals("vtt", summary.get("source").asText());
        assertEquals(6, TranscriptCodec.read(blobs.get(key).orElseThrow()).segments().size());
        assertEquals(1, events.published(PipelineEvents.TRANSCRIPT_STORED).size());
    }

    @Test
    void aDeadTranscriptLinkIsCountedInTheSummaryAndTheShowNotesStandIn() throws IOException {
        recordSampleEpisode(server.uri("/gone.vtt").toString(), "<p>The notes say what the episode argues at length: small models got cheap because they do less work.</p>");

        JsonNode summary = invoke(sampleEvent());

        assertTrue(summary.get("stored").asBoolean(), summary.toString());
        assertEquals("show-notes", summary.get("source").asText());
        assertEquals(1, summary.get("linksTried").asInt());
        assertEquals(1, summary.get("linksFailed").asInt());
    }

    @Test
    void episodeWithoutTextReportsNothingStored() throws IOException {
        recordSampleEpisode(null, null);

        JsonNode summary = invoke(sampleEvent());

        assertFalse(summary.get("stored").asBoolean());
        assertTrue(events.published().isEmpty());
    }

    @Test
    void eventWithoutEpisodeIdIsRefused() throws IOException {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.get("detail")).remove("episodeId");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> invoke(event));
        assertTrue(e.getMessage().contains("episodeId"), e.getMessage());
    }

    @Test
    void eventOfAnotherTypeIsRefused() throws IOException {
        ObjectNode event = sampleEvent();
        event.put("detail-type", "Transcript Stored");

        assertThrows(IllegalArgumentException.class, () -> invoke(event));
    }

    @Test
    void noArgConstructorRequiresItsEnvironment() {
        if (System.getenv("TABLE_NAME") != null) return;
        IllegalStateException e = assertThrows(IllegalStateException.class, FetchTranscriptHandler::new);
        assertTrue(e.getMessage().contains("TABLE_NAME"), e.getMessage());
    }

    @Test
    void primingBeforeSnapshotTouchesNoAdapter() throws Exception {
        FetchTranscriptLambda.prime();

        assertTrue(events.published().isEmpty());
        assertEquals(0, table.writes());
    }

    @Test
    void eachInvocationWritesOneMetricLineWithTheTranscriptSource() throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        handler.metricsTo(lines::add, "prod");
        server.content("/ep.vtt", "text/vtt", Fixtures.bytes("transcripts/episode.vtt"));
        recordSampleEpisode(server.uri("/ep.vtt").toString(), null);

        invoke(sampleEvent());

        assertEquals(1, lines.size());
        JsonNode line = Json.MAPPER.readTree(lines.get(0));
        assertEquals("fetch-transcript", line.get("Stage").asText());
        assertEquals(1, line.get("TranscriptsStored").asInt());
        assertEquals("vtt", line.get("Source").asText());
    }

    @Test
    void anEpisodeWithoutTextIsCountedMissing() throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        handler.metricsTo(lines::add, "prod");
        recordSampleEpisode(null, null);

        invoke(sampleEvent());

        JsonNode line = Json.MAPPER.readTree(lines.get(0));
        assertEquals(1, line.get("TranscriptsMissing").asInt());
        assertTrue(line.path("TranscriptsStored").isMissingNode());
    }
}
