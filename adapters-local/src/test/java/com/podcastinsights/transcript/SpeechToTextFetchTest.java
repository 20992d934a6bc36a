package com.podcastinsights.transcript;

import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemorySpeechToText;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.local.FileAudioStore;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.SpeechToText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FetchTranscript with speech-to-text: an opted-in feed's episode without a transcript has its audio streamed to
 * the store and a job started (once, whatever the replays); everything else keeps the show-notes path.
 */
class SpeechToTextFetchTest {
    static final String PREFIX = "podcast-insights-test-";
    static final String NOTES = "<p>Cold storage keeps apples crisp for months, which is why spring apples are cheap "
            + "and why growers who own a cold store sell when everyone else has run out.</p>";

    @TempDir
    Path audioRoot;
    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final InMemorySpeechToText speech = new InMemorySpeechToText(blobs);
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final SafeHttpClient http = new SafeHttpClient(HttpPolicy.local());
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private final byte[] audio = new byte[300_000];

    {
        new Random(3).nextBytes(audio);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String feedId(boolean optedIn) {
        String url = "https://feeds.example/orchard.xml";
        feeds.add(url, "Orchard Ledger", optedIn);
        return FeedRepository.idFor(url);
    }

    private EpisodeDiscovered episode(String feedId, String transcriptUrl) {
        server.content("/31.mp3", "audio/mpeg", audio);
        String episodeId = EpisodeRepository.idFor(feedId, "orchard-31");
        episodes.recordIfNew(new Episode(feedId, episodeId, "orchard-31", "Orchard Ledger", "Cold storage",
                "2026-11-29T08:00:00Z", null, server.uri("/31.mp3").toString(), NOTES,
                transcriptUrl == null ? List.of() : List.of(new TranscriptLink(transcriptUrl, "text/vtt", null, null)),
                null, "2026-11-30T06:00:00Z"));
        return new EpisodeDiscovered(feedId, episodeId, "Orchard Ledger", "Cold storage", "2026-11-29T08:00:00Z");
    }

    private TranscriptFetcher fetcher(TranscriptionPolicy policy) {
        return new TranscriptFetcher(episodes, blobs, events, http, feeds,
                new AudioTranscriber(http, new FileAudioStore(audioRoot), speech, policy, table,
                        java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T06:00:00Z"), java.time.ZoneOffset.UTC)),
                quiet);
    }

    private static TranscriptionPolicy on(long maxBytes) {
        return new TranscriptionPolicy(true, PREFIX, maxBytes, 4, Duration.ofSeconds(30));
    }

    private Optional<byte[]> storedAudio(EpisodeDiscovered d) throws IOException {
        Path p = audioRoot.resolve(Keys.transcribeAudioKey(d.feedId(), d.episodeId()));
        return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    }

    @Test
    void anOptedInEpisodeWithoutATranscriptIsTranscribedAndNothingIsStoredYet() throws Exception {
        EpisodeDiscovered d = episode(feedId(true), null);

        assertEquals(Optional.empty(), fetcher(on(1_000_000)).fetch(d));

        assertArrayEquals(audio, storedAudio(d).orElseThrow(), "the enclosure, byte for byte");
        SpeechToText.Job job = speech.started().get(0);
        assertEquals(new SpeechToText.Job(PREFIX + d.feedId() + "-" + d.episodeId(),
                Keys.transcribeAudioKey(d.feedId(), d.episodeId()), Keys.transcribeOutputKey(d.feedId(), d.episodeId()),
                null, 4), job);
        assertEquals(Optional.empty(), blobs.get(Keys.transcriptKey(d.feedId(), d.episodeId())));
        assertEquals(List.of(), events.published(PipelineEvents.TRANSCRIPT_STORED));

        // and when the job completes, the transcript is the speech-to-text one
        speech.complete(job.name(), TranscriptionCompletionTest.fixture("with-speakers.json"));
        TranscriptStored stored = new TranscriptionCompletion(episodes, blobs, events, PREFIX, quiet)
                .jobEnded(job.name(), true, null).orElseThrow();
        assertEquals("transcribe", stored.source());
        assertEquals(1, events.published(PipelineEvents.TRANSCRIPT_STORED).size());
    }

    @Test
    void theOptInSurvivesAFeedFetch() {
        server.content("/feed.xml", "application/rss+xml",
                "<rss><channel><title>Orchard</title></channel></rss>".getBytes(StandardCharsets.UTF_8));
        String url = server.uri("/feed.xml").toString();
        feeds.add(url, null, true);
        new com.podcastinsights.feed.FeedPoller(feeds, episodes, blobs, events, http, java.time.Clock.systemUTC(), 1, quiet)
                .pollAll();
        var feed = feeds.find(FeedRepository.idFor(url)).orElseThrow();
        assertEquals("Orchard", feed.title(), "the fetch did save the feed");
        assertTrue(feed.transcribe(), "and kept the opt-in");
    }

    @Test
    void aReplayedEpisodeDiscoveredNeitherDownloadsAgainNorStartsASecondJob() {
        EpisodeDiscovered d = episode(feedId(true), null);
        TranscriptFetcher fetcher = fetcher(on(1_000_000));
        fetcher.fetch(d);
        fetcher.fetch(d);
        fetcher.fetch(d);
        assertEquals(1, server.hits("/31.mp3"));
        assertEquals(1, speech.started().size());
    }

    @Test
    void aFeedThatDidNotOptInKeepsTheShowNotesPath() {
        EpisodeDiscovered d = episode(feedId(false), null);
        TranscriptStored stored = fetcher(on(1_000_000)).fetch(d).orElseThrow();
        assertEquals(ShowNotes.SOURCE, stored.source());
        assertEquals(0, server.hits("/31.mp3"));
        assertEquals(List.of(), speech.started());
    }

    @Test
    void withTheFeatureOffAnOptedInFeedKeepsTheShowNotesPath() {
        EpisodeDiscovered d = episode(feedId(true), null);
        TranscriptStored stored = fetcher(TranscriptionPolicy.off()).fetch(d).orElseThrow();
        assertEquals(ShowNotes.SOURCE, stored.source());
        assertEquals(0, server.hits("/31.mp3"));
    }

    @Test
    void aPublishedTranscriptStillWins() {
        String vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ann>Cold storage keeps apples crisp for months.\n";
        server.content("/31.vtt", "text/vtt", vtt.getBytes(StandardCharsets.UTF_8));
        EpisodeDiscovered d = episode(feedId(true), server.uri("/31.vtt").toString());
        assertEquals("vtt", fetcher(on(1_000_000)).fetch(d).orElseThrow().source());
        assertEquals(0, server.hits("/31.mp3"));
    }

    @Test
    void anEnclosureOverTheCapKeepsTheShowNotesAndLeavesNoAudio() throws IOException {
        EpisodeDiscovered d = episode(feedId(true), null);
        TranscriptStored stored = fetcher(on(audio.length - 1)).fetch(d).orElseThrow();
        assertEquals(ShowNotes.SOURCE, stored.source());
        assertEquals(Optional.empty(), storedAudio(d));
        assertEquals(List.of(), speech.started());
        try (Stream<Path> files = Files.walk(audioRoot)) {
            assertFalse(files.anyMatch(Files::isRegularFile), "no partial file");
        }
    }

    @Test
    void anUnreachableEnclosureKeepsTheShowNotes() {
        String feedId = feedId(true);
        String episodeId = EpisodeRepository.idFor(feedId, "orchard-40");
        episodes.recordIfNew(new Episode(feedId, episodeId, "orchard-40", "Orchard Ledger", "Gone",
                null, null, server.uri("/missing.mp3").toString(), NOTES, List.of(), null, "2026-11-30T06:00:00Z"));
        TranscriptStored stored = fetcher(on(1_000_000))
                .fetch(new EpisodeDiscovered(feedId, episodeId, "Orchard Ledger", "Gone", null)).orElseThrow();
        assertEquals(ShowNotes.SOURCE, stored.source());
        assertTrue(speech.started().isEmpty());
    }
}
