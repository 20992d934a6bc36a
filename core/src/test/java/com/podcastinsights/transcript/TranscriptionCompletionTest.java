package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Transcribe job ended: its output (our own fixtures, with and without speaker labels) becomes the transcript. */
class TranscriptionCompletionTest {
    static final String PREFIX = "podcast-insights-test-";
    static final String FEED = "7d3f9a1c2b4e6f80";
    static final String EPISODE = "e1a2b3c4d5e6f708";
    static final String JOB = PREFIX + FEED + "-" + EPISODE;

    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final TranscriptionCompletion completion = new TranscriptionCompletion(new EpisodeRepository(table), blobs,
            events, PREFIX, new PrintStream(logBytes, true, StandardCharsets.UTF_8));

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = TranscriptionCompletionTest.class.getResourceAsStream("/transcribe/" + name)) {
            return in.readAllBytes();
        }
    }

    private void recordEpisode(String showNotes) {
        new EpisodeRepository(table).recordIfNew(new Episode(FEED, EPISODE, "g-1", "Orchard Ledger", "Cold storage",
                "2026-11-29T08:00:00Z", null, "https://cdn.example/31.mp3", showNotes, List.of(), null,
                "2026-11-30T06:00:00Z"));
    }

    private Transcript stored() {
        return TranscriptCodec.read(blobs.get(Keys.transcriptKey(FEED, EPISODE)).orElseThrow());
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCompletedJobWithSpeakerLabelsIsStoredWithSpeakersAndAnnounced() throws Exception {
        recordEpisode("<p>Show notes that should not be used.</p>");
        blobs.put(Keys.transcribeOutputKey(FEED, EPISODE), fixture("with-speakers.json"), "application/json");

        TranscriptStored stored = completion.jobEnded(JOB, true, null).orElseThrow();

        assertEquals(TranscriptParsers.TRANSCRIBE, stored.source());
        Transcript t = stored();
        assertEquals(TranscriptParsers.TRANSCRIBE, t.source());
        assertEquals(2, t.segments().size());
        assertEquals("Speaker 1", t.segments().get(0).speaker());
        assertTrue(t.segments().get(0).text().startsWith("Cold storage keeps apples crisp"), t.segments().get(0).text());
        assertTrue(t.segments().get(0).text().endsWith("four degrees."), "punctuation joins its word: " + t.segments().get(0).text());
        assertEquals(0.5, t.segments().get(0).start(), 1e-9);
        assertEquals("Speaker 2", t.segments().get(1).speaker());
        assertTrue(t.segments().get(1).text().startsWith("So the cheapest way"));
        var published = events.published(PipelineEvents.TRANSCRIPT_STORED);
        assertEquals(1, published.size());
        TranscriptStored detail = Json.MAPPER.readValue(published.get(0).detailJson(), TranscriptStored.class);
        assertEquals(new TranscriptStored(FEED, EPISODE, Keys.transcriptKey(FEED, EPISODE), "transcribe", 2), detail);
    }

    @Test
    void withoutSpeakerLabelsTheSegmentsHaveNoSpeaker() throws Exception {
        recordEpisode(null);
        blobs.put(Keys.transcribeOutputKey(FEED, EPISODE), fixture("without-speakers.json"), "application/json");

        completion.jobEnded(JOB, true, null).orElseThrow();

        Transcript t = stored();
        assertTrue(t.segments().size() >= 1);
        t.segments().forEach(s -> assertNull(s.speaker(), "no speaker without labels: " + s));
        String all = String.join(" ", t.segments().stream().map(Segment::text).toList());
        assertTrue(all.contains("pick in autumn and wait."), all);
    }

    @Test
    void aFailedJobFallsBackToTheShowNotesAndSaysWhy() {
        recordEpisode("<p>Cold storage keeps apples crisp for months, which is why spring apples are cheap.</p>");

        TranscriptStored stored = completion.jobEnded(JOB, false, "Unsupported media format").orElseThrow();

        assertEquals(ShowNotes.SOURCE, stored.source());
        assertEquals(ShowNotes.SOURCE, stored().source());
        assertTrue(log().contains("FAILED: Unsupported media format; using show notes"), log());
        assertEquals(1, events.published(PipelineEvents.TRANSCRIPT_STORED).size());
    }

    @Test
    void aCompletedJobWithoutOutputAlsoFallsBackToTheShowNotes() {
        recordEpisode("<p>Cold storage keeps apples crisp for months, which is why spring apples are cheap.</p>");

        assertEquals(ShowNotes.SOURCE, completion.jobEnded(JOB, true, null).orElseThrow().source());
        assertTrue(log().contains("is missing; using show notes"), log());
    }

    @Test
    void aReplayedEventReannouncesAndChangesNothing() throws Exception {
        recordEpisode(null);
        blobs.put(Keys.transcribeOutputKey(FEED, EPISODE), fixture("with-speakers.json"), "application/json");
        completion.jobEnded(JOB, true, null).orElseThrow();
        byte[] first = blobs.get(Keys.transcriptKey(FEED, EPISODE)).orElseThrow();
        // even if the output changed meanwhile, the stored transcript stands
        blobs.put(Keys.transcribeOutputKey(FEED, EPISODE), fixture("without-speakers.json"), "application/json");

        TranscriptStored again = completion.jobEnded(JOB, true, null).orElseThrow();

        assertArrayEquals(first, blobs.get(Keys.transcriptKey(FEED, EPISODE)).orElseThrow());
        assertEquals("transcribe", again.source());
        assertEquals(2, events.published(PipelineEvents.TRANSCRIPT_STORED).size(), "announced again, as a replay should");
    }

    @Test
    void aJobOfAnotherStackIsIgnored() {
        recordEpisode("<p>Cold storage keeps apples crisp for months, because the low temperature slows their breathing.</p>");

        Optional<TranscriptStored> result = completion.jobEnded("podcast-insights-other-stack-" + FEED + "-" + EPISODE,
                true, null);

        assertEquals(Optional.empty(), result);
        assertEquals(List.of(), events.published());
        assertEquals(Optional.empty(), blobs.get(Keys.transcriptKey(FEED, EPISODE)));
    }
}
