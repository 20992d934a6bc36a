package com.podcastinsights.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.PollReport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class StageMetricsTest {
    private final List<String> lines = new ArrayList<>();
    private final StageMetrics metrics = new StageMetrics(lines::add, "prod",
            Clock.fixed(EmfTest.T, ZoneOffset.UTC));

    private JsonNode only() throws Exception {
        assertEquals(1, lines.size());
        assertEquals(List.of(), EmfTest.specProblems(lines.get(0)));
        return EmfTest.JSON.readTree(lines.get(0));
    }

    @Test
    void aPollCountsFetchedAsTheFeedsNeitherUnchangedNorFailedNorSkipped() throws Exception {
        metrics.feedsPolled(new PollReport(10, 3, 2, 7, 6, 1, 1));
        JsonNode line = only();
        assertEquals("fetch-feeds", line.path("Stage").asText());
        assertEquals(4, line.path("FeedsFetched").asLong());
        assertEquals(2, line.path("FeedsFailed").asLong());
        assertEquals(7, line.path("EpisodesDiscovered").asLong());
        assertEquals(3, line.path("FeedsNotModified").asLong());
        assertEquals(1, line.path("FeedsSkipped").asLong());
        assertEquals(1, line.path("AnnounceFailures").asLong());
    }

    @Test
    void transcriptsAreCountedBySourceAndMissingOnesApart() throws Exception {
        metrics.transcript(Optional.of(new TranscriptStored("f", "e", "transcripts/f/e.json", "show-notes", 4)));
        JsonNode line = only();
        assertEquals(1, line.path("TranscriptsStored").asLong());
        assertEquals("show-notes", line.path("Source").asText());

        lines.clear();
        metrics.transcript(Optional.empty());
        JsonNode missing = only();
        assertEquals(1, missing.path("TranscriptsMissing").asLong());
        assertEquals(true, missing.path("TranscriptsStored").isMissingNode());
    }

    @Test
    void insightsAndDigestAndFeedback() throws Exception {
        metrics.insights(new InsightsExtracted("f", "e", "2026-11-30", 5));
        assertEquals(5, only().path("InsightsWritten").asLong());

        lines.clear();
        metrics.digest(new DigestReport("2026-11-30", 10, 6, 2, 1, 1, 5, null, 0, 0));
        JsonNode digest = only();
        assertEquals("send-digest", digest.path("Stage").asText());
        assertEquals(6, digest.path("EmailsSent").asLong());
        assertEquals(1, digest.path("EmailsFailed").asLong());
        assertEquals(2, digest.path("EmailsSkipped").asLong());
        assertEquals(1, digest.path("EmailsUnconfirmed").asLong());

        lines.clear();
        metrics.suppressed("Complaint", 1);
        JsonNode feedback = only();
        assertEquals(1, feedback.path("EmailsSuppressed").asLong());
        assertEquals("Complaint", feedback.path("Feedback").asText());
    }

    @Test
    void noStackNameMeansLocal() throws Exception {
        new StageMetrics(lines::add, null, Clock.systemUTC()).insights(new InsightsExtracted("f", "e", "d", 0));
        assertEquals("local", only().path("Stack").asText());
    }

    @Test
    void aFailingSinkDoesNotFailTheStage() {
        StageMetrics broken = new StageMetrics(line -> { throw new IllegalStateException("closed"); }, "s",
                Clock.systemUTC());
        Emf emf = broken.insights(new InsightsExtracted("f", "e", "d", 2));
        assertEquals(Map.of("InsightsWritten", 2L), emf.counts());
    }

    @Test
    void outsideLambdaNothingIsWritten() {
        assertSame(MetricsSink.NONE, MetricsSink.forRuntime(null));
        assertSame(MetricsSink.NONE, MetricsSink.forRuntime(""));
        org.junit.jupiter.api.Assertions.assertNotSame(MetricsSink.NONE, MetricsSink.forRuntime("my-stack-FetchFeeds"));
    }

    @Test
    void theLineSinkWritesOneLinePerCallAndSkipsEmptyOnes() {
        var bytes = new java.io.ByteArrayOutputStream();
        MetricsSink sink = MetricsSink.lines(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        sink.write("{\"a\":1}");
        sink.write("");
        sink.write("{\"b\":2}");
        assertEquals("{\"a\":1}" + System.lineSeparator() + "{\"b\":2}" + System.lineSeparator(),
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
