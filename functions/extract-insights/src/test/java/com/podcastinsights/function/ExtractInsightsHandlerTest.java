package com.podcastinsights.function;

import java.util.List;
import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.insight.SampleTranscripts;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.store.Keys;
import com.podcastinsights.transcript.TranscriptCodec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.podcastinsights.insight.SampleTranscripts.EPISODE;
import static com.podcastinsights.insight.SampleTranscripts.FEED;
import static org.junit.jupiter.api.Assertions.*;

class ExtractInsightsHandlerTest {
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final ExtractInsightsHandler handler = new ExtractInsightsHandler(com.podcastinsights.stage.ExtractInsightsStage.build(com.podcastinsights.stage.ExtractInsightsStage.Config.local(Settings.defaults()),
                blobs, table, events, Clock.fixed(Instant.parse("2026-11-30T06:01:00Z"), ZoneOffset.UTC), com.podcastinsights.insight.InsightRewriter.NONE), Clock.fixed(Instant.parse("2026-11-30T06:01:00Z"), ZoneOffset.UTC));

    /** The sample event the repository ships, so the handler is tested against the documented shape. */
    private static byte[] sampleEvent() throws Exception {
        Path root = Path.of(System.getProperty("project.root", "../.."));
        return Files.readAllBytes(root.resolve("events/transcript-stored.json"));
    }

    private JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private void seed() {
        new EpisodeRepository(table).recordIfNew(new Episode(FEED, EPISODE, "guid", "The Compute Frontier",
                "Why small models got cheap", "2026-11-29T09:00:00Z", "https://frontier.example/ep/12",
                "https://cdn.example/ep12.mp3", null, List.of(), null, "2026-11-30T06:00:12Z"));
        blobs.put(Keys.transcriptKey(FEED, EPISODE), TranscriptCodec.write(SampleTranscripts.computeFrontier("vtt")), "application/json");
    }

    @Test
    void extractsSavesAndPublishes() throws Exception {
        seed();
        JsonNode summary = invoke(sampleEvent());
        assertEquals("2026-11-30", summary.get("day").asText());
        // five are allowed, but the sample has only four claims: the rest is ads, banter and questions
        assertEquals(SampleTranscripts.COMPUTE_CLAIMS.size(), summary.get("insights").asInt());
        assertEquals(SampleTranscripts.COMPUTE_CLAIMS.size(), table.ofType("Insight").size());
        assertEquals(PipelineEvents.INSIGHTS_EXTRACTED, events.published().get(0).detailType());
    }

    @Test
    void aReplayedEventAddsNoItems() throws Exception {
        seed();
        invoke(sampleEvent());
        var before = table.all();
        invoke(sampleEvent());
        assertEquals(before, table.all());
    }

    @Test
    void malformedEventsAreRejected() {
        assertThrows(Exception.class, () -> invoke("not json".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> invoke(
                "{\"detail-type\":\"Transcript Stored\",\"detail\":{\"feedId\":\"f\"}}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> invoke(
                "{\"detail-type\":\"Episode Discovered\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(events.published().isEmpty());
    }

    @Test
    void aMissingVariableIsNamedBeforeAnyClientIsBuilt() {
        var e = assertThrows(IllegalStateException.class,
                () -> ExtractInsightsLambda.wire(new com.podcastinsights.config.Env(java.util.Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b", "DIGEST_TIME_ZONE", "UTC"))));
        assertTrue(e.getMessage().contains("EVENT_BUS_NAME"), e.getMessage());
    }

    @Test
    void theRewriteStepIsOffWithoutAModelSoTheDefaultPathNeedsNoClient() {
        var env = new com.podcastinsights.config.Env(java.util.Map.of("REWRITE_MODEL_ID", "", "DIGEST_TIME_ZONE", "UTC"));
        assertSame(com.podcastinsights.insight.InsightRewriter.NONE, ExtractInsightsLambda.rewriter(
                com.podcastinsights.stage.ExtractInsightsStage.Config.from(env), null, null));
        assertSame(com.podcastinsights.insight.InsightRewriter.NONE, ExtractInsightsLambda.rewriter(
                com.podcastinsights.stage.ExtractInsightsStage.Config.from(new com.podcastinsights.config.Env(
                        java.util.Map.of("DIGEST_TIME_ZONE", "UTC"))), null, null));
    }

    @Test
    void aRewriterReplacesTheStoredTextButNotTheSourceOrRank() throws Exception {
        seed();
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        var rewriting = new ExtractInsightsHandler(com.podcastinsights.stage.ExtractInsightsStage.build(com.podcastinsights.stage.ExtractInsightsStage.Config.local(Settings.defaults()),
                blobs, table, events, Clock.fixed(Instant.parse("2026-11-30T06:01:00Z"), ZoneOffset.UTC), passages -> {
                    calls.incrementAndGet();
                    return passages.stream().map(p -> com.podcastinsights.insight.InsightRewriter.Verdict.kept(
                            "REWRITTEN " + p.sourceText().length())).toList();
                }), Clock.fixed(Instant.parse("2026-11-30T06:01:00Z"), ZoneOffset.UTC));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rewriting.handleRequest(new ByteArrayInputStream(sampleEvent()), out, null);

        assertEquals(1, calls.get());
        var items = table.ofType("Insight");
        assertFalse(items.isEmpty());
        assertTrue(items.stream().allMatch(i -> String.valueOf(i.string("text")).startsWith("REWRITTEN ")),
                items.toString());
    }

    @Test
    void aCandidateTheModelJudgesOutIsDroppedNotShownAsExtracted() throws Exception {
        seed();
        var candidates = new java.util.concurrent.atomic.AtomicInteger();
        var rewriting = new ExtractInsightsHandler(com.podcastinsights.stage.ExtractInsightsStage.build(com.podcastinsights.stage.ExtractInsightsStage.Config.local(Settings.defaults()),
                blobs, table, events, Clock.fixed(Instant.parse("2026-11-30T06:01:00Z"), ZoneOffset.UTC), passages -> java.util.stream.IntStream.range(0, candidates.addAndGet(passages.size())).mapToObj(i -> i == 1
                        ? com.podcastinsights.insight.InsightRewriter.Verdict.dropped("an ad")
                        : com.podcastinsights.insight.InsightRewriter.Verdict.kept(passages.get(i).text())).toList()), Clock.fixed(Instant.parse("2026-11-30T06:01:00Z"), ZoneOffset.UTC));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rewriting.handleRequest(new ByteArrayInputStream(sampleEvent()), out, null);

        var items = table.ofType("Insight");
        assertTrue(candidates.get() >= 2, "candidates: " + candidates);
        assertEquals(candidates.get() - 1, items.size(), items.toString());
        assertTrue(items.stream().noneMatch(i -> i.number("rank", 0) == 2), "rank 2 was judged out: " + items);
        assertEquals(items.size(), Json.MAPPER.readTree(out.toByteArray()).get("insights").asInt(),
                "the event counts what was stored");
    }

    @Test
    void eachInvocationWritesTheInsightsWrittenMetric() throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>();
        handler.metricsTo(lines::add, "prod");
        seed();

        invoke(sampleEvent());

        assertEquals(1, lines.size());
        JsonNode line = Json.MAPPER.readTree(lines.get(0));
        assertEquals("extract-insights", line.get("Stage").asText());
        assertEquals(SampleTranscripts.COMPUTE_CLAIMS.size(), line.get("InsightsWritten").asInt());
    }

    @Test
    void primingBeforeSnapshotTouchesNoAdapter() throws Exception {
        ExtractInsightsLambda.prime();

        assertTrue(events.published().isEmpty());
        assertEquals(0, table.writes());
        assertTrue(blobs.list("").isEmpty());
    }

    @Test
    void primingsEpisodeIsRankedIntoAFullSetOfInsights() {
        // a priming transcript that yields fewer than five leaves the ranking's widening and selection cold
        var found = new com.podcastinsights.insight.InsightExtractor().insights(PrimingEpisode.transcript(),
                PrimingEpisode.episode(), "2026-01-01", 5);
        assertEquals(5, found.size());
        assertTrue(PrimingEpisode.transcript().segments().size() >= 30);
        assertTrue(found.stream().noneMatch(i -> i.insight().text().toLowerCase(java.util.Locale.ROOT).contains("sponsor")),
                "the sponsor read is among the insights: the priming episode no longer exercises the boilerplate cues");
        // so priming saves the first run's insights: against itself as the show's history, nothing is new
        assertTrue(new com.podcastinsights.insight.InsightExtractor().insights(PrimingEpisode.transcript(),
                PrimingEpisode.episode(), "2026-01-01", 5,
                com.podcastinsights.insight.ShowHistory.ofTranscripts(List.of(PrimingEpisode.transcript()))).isEmpty());
    }
}
