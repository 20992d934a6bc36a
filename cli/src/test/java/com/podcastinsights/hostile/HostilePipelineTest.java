package com.podcastinsights.hostile;

import java.util.List;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.cli.Main;
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
import com.podcastinsights.feed.PollLimits;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.local.FileAudioStore;
import com.podcastinsights.transcript.AudioTranscriber;
import com.podcastinsights.transcript.ShowNotes;
import com.podcastinsights.transcript.TranscriptFetcher;
import com.podcastinsights.transcript.TranscriptionBudget;
import com.podcastinsights.transcript.TranscriptionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the pipeline's budgets rather than its parsers (issue 13, items 1, 2, 3 and 6): a feed that floods a
 * poll with new items, a feed whose whole back catalogue would be "new", a show whose back episodes would all go
 * to paid speech-to-text, and "transcripts" that are binary files.
 */
class HostilePipelineTest {
    private static final Instant NOW = HostileFeedBatch.NOW;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String NOTES = "<p>Storage matters because peak demand shifts, which means the grid saves"
            + " money.</p><p>More notes on batteries follow here.</p>";

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] feed(int items, Instant published) {
        StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>Flood</title>");
        for (int i = 0; i < items; i++) {
            b.append("<item><guid>f").append(i).append("</guid><title>Item ").append(i).append("</title><pubDate>")
                    .append(RFC_822.format(published)).append("</pubDate></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    // --- item 1: one feed must not stall its batch

    @Test
    void aFeedOfTwentyThousandNewItemsIsCappedAndTheHonestFeedBesideItIsProcessed() {
        try (HostileFeedBatch batch = new HostileFeedBatch()) {
            batch.pollServed(LoopbackServer.ok("application/rss+xml", feed(20_000, NOW.minusSeconds(600))),
                    new SafeHttpClient(HttpPolicy.local()));

            batch.assertAccepted();
            int cap = PollLimits.DEFAULT_MAX_NEW_PER_FEED;
            assertEquals(cap, batch.episodes.listByFeed(batch.hostileId()).size());
            assertEquals(cap, batch.events.published(PipelineEvents.EPISODE_DISCOVERED).stream()
                    .filter(e -> e.detailJson().contains(batch.hostileId())).count());
            assertEquals(NOW.toString(), batch.hostileFeed().lastSuccessAt(), "its state is saved: it goes last next time");
            assertEquals(1, batch.report.capped());
        }
    }

    // --- item 2: a back catalogue is not news

    @Test
    void aBackdatedFeedIsRecordedButNeverAnnounced() {
        try (HostileFeedBatch batch = new HostileFeedBatch()) {
            batch.pollServed(LoopbackServer.ok("application/rss+xml", feed(61, Instant.parse("2021-06-01T09:00:00Z"))),
                    new SafeHttpClient(HttpPolicy.local()));

            batch.assertAccepted();
            assertEquals(61, batch.episodes.listByFeed(batch.hostileId()).size(), "recorded, so never new later");
            assertTrue(batch.events.published().stream().noneMatch(e -> e.detailJson().contains(batch.hostileId())),
                    "and not one announced");
            assertEquals(61, batch.report.backCatalogue());
        }
    }

    // --- item 3: speech-to-text spend

    @Test
    void fiveHundredOptedInBackEpisodesCannotSpendPastTheDailyCap(@TempDir Path audioRoot) {
        InMemoryTable table = new InMemoryTable();
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemorySpeechToText speech = new InMemorySpeechToText(blobs);
        FeedRepository feeds = new FeedRepository(table);
        EpisodeRepository episodes = new EpisodeRepository(table);
        String url = "https://feeds.example/archive.xml";
        feeds.add(url, "Archive", true);
        String feedId = FeedRepository.idFor(url);
        byte[] audio = new byte[(int) (30 * 60 * TranscriptionBudget.BYTES_PER_SECOND)]; // 30 minutes at 64 kbit/s
        server.content("/a.mp3", "audio/mpeg", audio);
        SafeHttpClient http = new SafeHttpClient(HttpPolicy.local());
        // the defaults: 600 minutes and USD 15 a day, 48 hours of freshness
        TranscriptionPolicy policy = new TranscriptionPolicy(true, "podcast-insights-test-", 100_000_000, 2,
                Duration.ofSeconds(30));
        TranscriptFetcher fetcher = new TranscriptFetcher(episodes, blobs, new RecordingPublisher(), http, feeds,
                new AudioTranscriber(http, new FileAudioStore(audioRoot), speech, policy, table,
                        Clock.fixed(NOW, ZoneOffset.UTC)), new PrintStream(OutputStream.nullOutputStream()));

        for (int n = 0; n < 500; n++) {
            // the first 40 published within the window, the rest years ago
            String published = (n < 40 ? NOW.minusSeconds(3600) : Instant.parse("2019-01-01T00:00:00Z")).toString();
            String id = EpisodeRepository.idFor(feedId, "a" + n);
            episodes.recordIfNew(new Episode(feedId, id, "a" + n, "Archive", "Ep " + n, published, null,
                    server.uri("/a.mp3").toString(), NOTES, List.of(), null, NOW.toString()));
            fetcher.fetch(new EpisodeDiscovered(feedId, id, "Archive", "Ep " + n, published));
        }

        TranscriptionBudget.Usage usage = TranscriptionBudget.usage(table, "2026-11-30");
        assertEquals(20, speech.started().size(), "600 minutes of 30-minute episodes");
        assertTrue(usage.audioSeconds() <= TranscriptionPolicy.DEFAULT_DAILY_MINUTES * 60);
        assertTrue(usage.microUsd() <= 15_000_000L, "USD " + usage.microUsd() / 1e6);
        assertEquals(20, usage.skippedCap());
        assertEquals(460, usage.skippedStale());
        assertEquals(40, server.hits("/a.mp3"), "20 downloads, 20 refused on their declared length before the body "
                + "is read, and none for the 460 episodes outside the freshness window");
    }

    // --- item 6: binary "transcripts"

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a PDF served as a PDF | application/pdf | pdf | is not a transcript format",
            "a PDF labelled as WebVTT | text/vtt | pdf | a PDF document",
            "random bytes served as text | text/plain | random | binary content",
            "random bytes without a NUL | application/octet-stream | noisy | binary content"})
    void aBinaryTranscriptIsRefusedAndTheShowNotesAreUsed(String what, String contentType, String body, String why) {
        byte[] bytes = binary(body, 200_000);
        server.route("/t", LoopbackServer.ok(contentType, bytes));
        InMemoryTable table = new InMemoryTable();
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        EpisodeRepository episodes = new EpisodeRepository(table);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        episodes.recordIfNew(new Episode("feed000000000001", "ep1", "guid-1", "Show", "Episode", NOW.toString(),
                null, null, NOTES, List.of(new TranscriptLink(server.uri("/t").toString(), "text/vtt", null, null)), null,
                NOW.toString()));
        TranscriptFetcher fetcher = new TranscriptFetcher(episodes, blobs, new RecordingPublisher(),
                new SafeHttpClient(HttpPolicy.local()), new PrintStream(log, true, StandardCharsets.UTF_8));

        TranscriptStored stored = fetcher.fetch(new EpisodeDiscovered("feed000000000001", "ep1", "Show", "Episode",
                NOW.toString())).orElseThrow();

        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("unusable") && logged.contains(why), what + ": " + logged);
        assertEquals(ShowNotes.SOURCE, stored.source(), "the episode keeps its show notes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"extract | random", "extract | pdf", "transcript inspect | random",
            "transcript inspect | noisy"})
    void theCliRefusesBinaryInputWithAClearMessage(String command, String body, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("episode.vtt");
        Files.write(file, binary(body, 5 * 1024 * 1024));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = (command + " " + file).split(" ");

        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);

        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("binary content, not a transcript"), err.toString());
        assertFalse(out.toString().contains("1."), "nothing ranked: " + out);
    }

    /** 5 MB of random bytes, a PDF's first bytes, or random bytes that avoid NUL (so only noise gives them away). */
    static byte[] binary(String kind, int size) {
        byte[] b = new byte[size];
        new Random(13).nextBytes(b);
        switch (kind) {
            case "pdf" -> System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
            case "noisy" -> {
                for (int i = 0; i < b.length; i++) if (b[i] == 0) b[i] = 1;
            }
            default -> { }
        }
        return b;
    }
}
