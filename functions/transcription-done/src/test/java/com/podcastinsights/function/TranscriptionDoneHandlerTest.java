package com.podcastinsights.function;

import java.util.List;
import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample job-state change (events/transcribe-job-state-change.json), for the stack "podcast-insights". */
class TranscriptionDoneHandlerTest {
    static final String PREFIX = "podcast-insights-podcast-insights-";
    static final String FEED = "7d3f9a1c2b4e6f80";
    static final String EPISODE = "e1a2b3c4d5e6f708";
    static final String NOTES = "<p>Cold storage keeps apples crisp for months, which is why spring apples are cheap.</p>";

    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final TranscriptionDoneHandler handler = new TranscriptionDoneHandler(com.podcastinsights.stage.TranscriptionDoneStage.build(new com.podcastinsights.stage.TranscriptionDoneStage.Config(PREFIX),
                table, blobs, events));

    private String sample() throws Exception {
        return Files.readString(Path.of(System.getProperty("project.root", "../.."))
                .resolve("events/transcribe-job-state-change.json"));
    }

    private JsonNode invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private void recordEpisode() {
        new EpisodeRepository(table).recordIfNew(new Episode(FEED, EPISODE, "g", "Orchard Ledger", "Cold storage", null,
                null, "https://cdn.example/31.mp3", NOTES, List.of(), null, "2026-11-30T06:00:00Z"));
    }

    @Test
    void aCompletedJobIsStoredAndAnnouncedOnce() throws Exception {
        recordEpisode();
        String output = """
                {"results":{"items":[
                 {"type":"pronunciation","start_time":"1.0","end_time":"1.4","speaker_label":"spk_0","alternatives":[{"content":"Apples"}]},
                 {"type":"pronunciation","start_time":"1.4","end_time":"1.9","speaker_label":"spk_0","alternatives":[{"content":"keep"}]},
                 {"type":"punctuation","alternatives":[{"content":"."}]}]}}""";
        blobs.put(Keys.transcribeOutputKey(FEED, EPISODE), output.getBytes(StandardCharsets.UTF_8), "application/json");

        JsonNode summary = invoke(sample());

        assertTrue(summary.path("stored").asBoolean(), summary.toString());
        assertEquals("transcribe", summary.path("source").asText());
        assertEquals(Keys.transcriptKey(FEED, EPISODE), summary.path("transcriptKey").asText());
        assertEquals(1, events.published(PipelineEvents.TRANSCRIPT_STORED).size());
    }

    @Test
    void aFailedJobStoresTheShowNotes() throws Exception {
        recordEpisode();
        String failed = sample().replace("\"COMPLETED\"", "\"FAILED\", \"FailureReason\": \"The media format is not supported\"");
        assertEquals("show-notes", invoke(failed).path("source").asText());
    }

    @Test
    void anotherEventIsRefusedLoudly() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> invoke(sample().replace("aws.transcribe", "aws.ses")));
        assertThrows(IllegalArgumentException.class, () -> invoke(sample().replace("\"COMPLETED\"", "\"IN_PROGRESS\"")));
    }

    @Test
    void primingBeforeSnapshotNeedsNoNetwork() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(TranscriptionDoneLambda::prime);
    }
}
