package com.podcastinsights.hostile;

import java.util.List;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.transcript.ShowNotes;
import com.podcastinsights.transcript.TranscriptCodec;
import com.podcastinsights.transcript.TranscriptFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feed's {@code podcast:transcript} URL is the second URL an attacker writes for us to fetch. The same
 * SafeHttpClient fetches it, so the same refusals hold; a refused transcript costs the episode nothing but the
 * transcript: the log says why and the show notes are used. (Also: TranscriptFetcherTest
 * .transcriptOnAPrivateAddressIsNeverFetched and .anOversizedTranscriptIsNotRead.)
 */
class HostileTranscriptLinkTest {
    private static final String NOTES = "<p>Storage matters because peak demand shifts, which means the grid saves"
            + " money.</p><p>More notes on batteries follow here.</p>";

    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] gzipBomb() {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 32; i++) gz.write(spaces);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bomb.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "redirect to the metadata service | /t/hop | a link-local address",
            "a gzip bomb | /t/bomb | decompressed response exceeds",
            "endless redirects | /t/loop | too many redirects",
            "a numeric-trick host | http://2852039166/t.vtt | ambiguous numeric host",
            "a file URL | file:///etc/passwd | only http and https are allowed"})
    void aHostileTranscriptLinkIsRefusedAndTheShowNotesAreUsed(String what, String link, String why) {
        server.route("/t/hop", LoopbackServer.redirect(302, "http://169.254.169.254/latest/meta-data/"));
        byte[] bomb = gzipBomb();
        server.route("/t/bomb", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackServer.send(exchange, 200, "text/vtt", bomb);
        });
        server.route("/t/loop", LoopbackServer.redirect(302, "/t/loop"));
        String url = link.startsWith("/") ? server.uri(link).toString() : link;
        episodes.recordIfNew(new Episode("feed000000000001", "ep1", "guid-1", "Show", "Episode", "2026-11-29T09:00:00Z",
                null, null, NOTES, List.of(new TranscriptLink(url, "text/vtt", null, null)), null, "2026-11-30T06:00:00Z"));
        // a 4 MB cap, so the bomb is cut quickly; everything else is the local policy
        HttpPolicy p = HttpPolicy.local();
        TranscriptFetcher fetcher = new TranscriptFetcher(episodes, blobs, events,
                new SafeHttpClient(new HttpPolicy(true, 4L << 20, p.timeout(), p.maxRedirects(), p.userAgent())),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        TranscriptStored stored = fetcher.fetch(new EpisodeDiscovered("feed000000000001", "ep1", "Show", "Episode",
                "2026-11-29T09:00:00Z")).orElseThrow();

        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("unusable") && logged.contains(why), what + ": " + logged);
        assertEquals(ShowNotes.SOURCE, stored.source(), "the episode keeps its show notes");
        String kept = new String(blobs.get(stored.transcriptKey()).orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(kept.contains("peak demand shifts"), kept);
        assertFalse(TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow()).segments().isEmpty());
        assertEquals(1, events.published().size(), "one Transcript Stored, for the notes");
    }
}
