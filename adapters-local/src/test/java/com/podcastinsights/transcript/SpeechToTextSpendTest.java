package com.podcastinsights.transcript;

import java.util.List;
import com.podcastinsights.event.EpisodeDiscovered;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Speech-to-text spend (issue 13, item 3): a daily cap in audio minutes and in dollars, counted in the table for
 * every environment, and the freshness window; skipped jobs fall back to the show notes and are counted.
 */
class SpeechToTextSpendTest {
    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    static final String FEED_URL = "https://feeds.example/back-catalogue.xml";

    @TempDir
    Path audioRoot;
    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final InMemorySpeechToText speech = new InMemorySpeechToText(blobs);
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final SafeHttpClient http = new SafeHttpClient(HttpPolicy.local());
    /** Two minutes of audio at 64 kbit/s. */
    private final byte[] audio = new byte[(int) (120 * TranscriptionBudget.BYTES_PER_SECOND)];
    private final String feedId = FeedRepository.idFor(FEED_URL);

    {
        feeds.add(FEED_URL, "Back Catalogue", true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EpisodeDiscovered episode(int n, String publishedAt) {
        server.content("/" + n + ".mp3", "audio/mpeg", audio);
        String episodeId = EpisodeRepository.idFor(feedId, "ep-" + n);
        episodes.recordIfNew(new Episode(feedId, episodeId, "ep-" + n, "Back Catalogue", "Episode " + n, publishedAt,
                null, server.uri("/" + n + ".mp3").toString(), "<p>Tides run higher at the new moon, because the sun and the moon pull on the sea together.</p>",
                List.of(), null, NOW.toString()));
        return new EpisodeDiscovered(feedId, episodeId, "Back Catalogue", "Episode " + n, publishedAt);
    }

    private TranscriptFetcher fetcher(TranscriptionPolicy policy) {
        return new TranscriptFetcher(episodes, blobs, new RecordingPublisher(), http, feeds,
                new AudioTranscriber(http, new FileAudioStore(audioRoot), speech, policy, table,
                        Clock.fixed(NOW, ZoneOffset.UTC)), new PrintStream(OutputStream.nullOutputStream()));
    }

    private static TranscriptionPolicy policy(long dailyMinutes, double dailyUsd) {
        return new TranscriptionPolicy(true, "podcast-insights-test-", 10_000_000, 2, Duration.ofSeconds(30),
                dailyMinutes, dailyUsd, 0.024, Duration.ofHours(48));
    }

    @Test
    void theDailyAudioMinutesCapStopsNewJobsAndTheRestKeepTheirShowNotes() {
        TranscriptFetcher fetcher = fetcher(policy(7, 100));
        int skipped = 0;
        for (int n = 0; n < 10; n++) {
            TranscriptFetcher.Outcome o = fetcher.fetchReporting(episode(n, NOW.minus(Duration.ofHours(2)).toString()));
            if (o.transcriptionSkipped() != null) {
                skipped++;
                assertEquals(AudioTranscriber.Outcome.SKIPPED_DAILY_CAP, o.transcriptionSkipped());
                assertEquals(ShowNotes.SOURCE, o.stored().orElseThrow().source(), "the show notes stand in");
            }
        }
        assertEquals(3, speech.started().size(), "three two-minute jobs fit in seven minutes, a fourth does not");
        assertEquals(7, skipped);
        TranscriptionBudget.Usage usage = TranscriptionBudget.usage(table, "2026-11-30");
        assertEquals(360, usage.audioSeconds());
        assertEquals(7, usage.skippedCap());
        assertEquals(7L, usage.skippedByFeed().get(feedId), "per feed, for `feeds list`");
    }

    @Test
    void theDailyDollarCapHoldsToo() {
        // 0.024 USD a minute: two two-minute jobs are 0.096, a third would pass 0.10
        TranscriptFetcher fetcher = fetcher(policy(10_000, 0.10));
        for (int n = 0; n < 5; n++) fetcher.fetchReporting(episode(n, NOW.toString()));
        assertEquals(2, speech.started().size());
        assertEquals(3, TranscriptionBudget.usage(table, "2026-11-30").skippedCap());
    }

    @Test
    void episodesPublishedBeforeTheFreshnessWindowAreNeitherDownloadedNorTranscribed() {
        TranscriptFetcher.Outcome old = fetcher(policy(10_000, 100)).fetchReporting(episode(1, "2021-03-01T09:00:00Z"));
        assertEquals(AudioTranscriber.Outcome.SKIPPED_NOT_FRESH, old.transcriptionSkipped());
        assertEquals(0, server.hits("/1.mp3"));
        assertEquals(0, speech.started().size());
        assertEquals(1, TranscriptionBudget.usage(table, "2026-11-30").skippedStale());

        TranscriptFetcher.Outcome fresh = fetcher(policy(10_000, 100)).fetchReporting(episode(2, NOW.toString()));
        assertNull(fresh.transcriptionSkipped());
        assertEquals(1, speech.started().size());
    }

    @Test
    void anUndatedEpisodeCountsFromItsDiscovery() {
        fetcher(policy(10_000, 100)).fetchReporting(episode(3, null));
        assertEquals(1, speech.started().size(), "discovered at NOW, so fresh");
    }
}
