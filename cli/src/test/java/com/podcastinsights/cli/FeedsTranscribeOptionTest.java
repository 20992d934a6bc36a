package com.podcastinsights.cli;

import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.local.FileTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-feed opt-in to Amazon Transcribe: `feeds add --transcribe` and `feeds update ID --[no-]transcribe`. */
class FeedsTranscribeOptionTest {
    private static boolean transcribe(Path dir, String url) {
        return new FeedRepository(new FileTable(dir.resolve("table"))).find(FeedRepository.idFor(url)).orElseThrow()
                .transcribe();
    }

    @Test
    void addOptsInOnlyWhenAsked(@TempDir Path dir) {
        String data = dir.toString();
        MainTest.Outcome on = cli("feeds", "add", "https://a.example/feed.xml", "--transcribe", "--data", data);
        MainTest.Outcome plain = cli("feeds", "add", "https://b.example/feed.xml", "--data", data);

        assertEquals(0, on.code(), on.err());
        assertTrue(on.out().contains("speech-to-text on"), on.out());
        assertTrue(transcribe(dir, "https://a.example/feed.xml"));
        assertEquals(0, plain.code(), plain.err());
        assertFalse(transcribe(dir, "https://b.example/feed.xml"));
        String list = cli("feeds", "list", "--data", data).out();
        assertTrue(list.lines().anyMatch(l -> l.contains("a.example") && l.contains("speech-to-text: on")), list);
        assertTrue(list.lines().anyMatch(l -> l.contains("b.example") && !l.contains("speech-to-text")), list);
    }

    @Test
    void listShowsTheSpeechToTextJobsSkippedToday(@TempDir Path dir) {
        String data = dir.toString();
        String url = "https://a.example/feed.xml";
        cli("feeds", "add", url, "--transcribe", "--data", data);
        String id = FeedRepository.idFor(url);
        FileTable table = new FileTable(dir.resolve("table"));
        // today and tomorrow (UTC): `feeds list` reads the day it runs in, which may be after midnight
        for (int day = 0; day < 2; day++) {
            java.time.Clock clock = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(day));
            var budget = new com.podcastinsights.transcript.TranscriptionBudget(table, 2, 10, 0.024, clock);
            budget.reserve(120).orElseThrow();
            for (int i = 0; i < 3; i++) budget.skipped(id, com.podcastinsights.transcript.TranscriptionBudget.Skip.DAILY_CAP);
            budget.skipped(id, com.podcastinsights.transcript.TranscriptionBudget.Skip.NOT_FRESH);
        }

        String list = cli("feeds", "list", "--data", data).out();

        assertTrue(list.lines().anyMatch(l -> l.contains("a.example") && l.contains("speech-to-text: on (4 skipped today)")), list);
        assertTrue(list.contains("1 jobs, 2 audio minutes, USD 0.05 counted; 4 skipped (3 at the daily cap, 1 older than "
                + "the freshness window)"), list);
    }

    @Test
    void updateTurnsItOnAndOffAndKeepsTheRestOfTheFeed(@TempDir Path dir) {
        String data = dir.toString();
        String url = "https://a.example/feed.xml";
        cli("feeds", "add", url, "--title", "Quay", "--data", data);
        String id = FeedRepository.idFor(url);

        MainTest.Outcome on = cli("feeds", "update", id, "--transcribe", "--data", data);
        assertEquals(0, on.code(), on.err());
        assertTrue(transcribe(dir, url));
        assertEquals("Quay", new FeedRepository(new FileTable(dir.resolve("table"))).find(id).orElseThrow().title());

        MainTest.Outcome off = cli("feeds", "update", id, "--no-transcribe", "--data", data);
        assertEquals(0, off.code(), off.err());
        assertFalse(transcribe(dir, url));
    }

    @Test
    void updateOfAnUnknownFeedFailsAndWithoutAnOptionIsBadUsage(@TempDir Path dir) {
        String data = dir.toString();
        MainTest.Outcome unknown = cli("feeds", "update", "0123456789abcdef", "--transcribe", "--data", data);
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no feed with id 0123456789abcdef"), unknown.err());
        assertEquals(2, cli("feeds", "update", "0123456789abcdef", "--data", data).code());
    }
}
