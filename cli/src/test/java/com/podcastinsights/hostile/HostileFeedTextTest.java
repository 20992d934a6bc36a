package com.podcastinsights.hostile;

import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.local.FileTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, item 12: control characters in feed text. A channel title with CR/LF, and bidi overrides and
 * zero-width characters in titles and notes, are stripped when the feed is parsed, so the operator's
 * listings ({@code feeds list}, the events {@code run} prints) and both parts of the email only ever see
 * clean text. The parser's own test: FeedControlCharactersTest.
 */
class HostileFeedTextTest {
    private static final String FORGED = "&#13;&#10;Bcc: victim@evil.example&#13;&#10;X-Injected: 1";
    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harmless Show"
            + FORGED + "</title><item><guid>h-1</guid><title>&#x202E;3pm.exe&#x202C; Episode&#x200B;&#xFEFF; one"
            + FORGED + "</title><description>Notes&#x2066; hidden&#x2060;&#x200D;&#x9D; text</description>"
            + "<enclosure url=\"https://cdn.example/1.mp3\" type=\"audio/mpeg\"/></item></channel></rss>";

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void close() {
        server.close();
    }

    private static boolean hidden(String s) {
        return s.chars().anyMatch(c -> c == '\r' || c == '\n' || (c >= 0x7f && c <= 0x9f) || c == 0x061c
                || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069)
                || c == 0xfeff);
    }

    /** Polls the hostile feed into a local data dir, as {@code run} does; returns the published events. */
    private RecordingPublisher poll(Path data) {
        server.content("/feed.xml", "application/rss+xml", FEED.getBytes(StandardCharsets.UTF_8));
        FileTable table = new FileTable(data.resolve("table"));
        FeedRepository feeds = new FeedRepository(table);
        feeds.add(server.uri("/feed.xml").toString(), null);
        RecordingPublisher events = new RecordingPublisher();
        new FeedPoller(feeds, new EpisodeRepository(table), new InMemoryBlobStore(), events,
                new SafeHttpClient(HttpPolicy.local()), Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC),
                1, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).pollAll();
        return events;
    }

    @Test
    void aChannelTitleWithCrLfPrintsNoForgedLineInFeedsList(@TempDir Path data) {
        poll(data);

        StringWriter out = new StringWriter();
        int code = com.podcastinsights.cli.Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "feeds", "list", "--data", data.toString());

        assertEquals(0, code);
        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size(), "one feed, one line: " + out);
        assertTrue(lines.get(0).contains("Harmless Show Bcc: victim@evil.example X-Injected: 1"), lines.get(0));
    }

    @Test
    void theEventsRunPrintsCarryOneLineTitles(@TempDir Path data) {
        RecordingPublisher events = poll(data);

        var discovered = events.published(PipelineEvents.EPISODE_DISCOVERED);
        assertEquals(1, discovered.size());
        String detail = discovered.get(0).detailJson();
        assertFalse(detail.contains("\\r") || detail.contains("\\n"), detail);
        assertFalse(detail.contains("\\u202e") || detail.contains("\\u202E") || detail.contains("\u202e"), detail);
    }

    @Test
    void bidiAndZeroWidthCharactersNeverReachTheStoredEpisode(@TempDir Path data) {
        poll(data);

        FileTable table = new FileTable(data.resolve("table"));
        List<Episode> episodes = new FeedRepository(table).list().stream()
                .flatMap(f -> new EpisodeRepository(table).listByFeed(f.id()).stream()).toList();
        assertEquals(1, episodes.size());
        Episode e = episodes.get(0);
        assertEquals("3pm.exe Episode one Bcc: victim@evil.example X-Injected: 1", e.title());
        assertEquals("Notes hidden text", e.showNotes());
        assertFalse(hidden(e.title()) || hidden(e.showNotes()) || hidden(e.podcastTitle()));
    }
}
