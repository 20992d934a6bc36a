package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptFetcherTest {
    private static final String FEED = "feed000000000001";
    /** Two statements and a line that states nothing ("Links below."), which notes parsing leaves out. */
    private static final String NOTES = "<p>Steam-bent oak holds its curve because the lignin softens at boiling point "
            + "and sets again as it cools.</p><p>Links below.</p><p>Green oak bends further than seasoned oak, since its "
            + "cells still hold the water that carries the heat inside.</p>";

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

    private TranscriptFetcher fetcher(HttpPolicy policy) {
        return new TranscriptFetcher(episodes, blobs, events, new SafeHttpClient(policy),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private EpisodeDiscovered episode(String id, String transcriptUrl, String transcriptType, String notes) {
        episodes.recordIfNew(new Episode(FEED, id, "guid-" + id, "The Tidewater Workshop", "Episode " + id,
                "2026-11-29T09:00:00Z", null, null, notes, transcriptUrl == null ? List.of()
                : List.of(new TranscriptLink(transcriptUrl, transcriptType, null, null)), null, "2026-11-30T06:00:00Z"));
        return new EpisodeDiscovered(FEED, id, "The Tidewater Workshop", "Episode " + id, "2026-11-29T09:00:00Z");
    }

    @Test
    void storesTheTranscriptAndAnnouncesIt() throws IOException {
        server.content("/t/ep1.vtt", "text/vtt", Fixtures.bytes("transcripts/episode.vtt"));
        EpisodeDiscovered d = episode("ep1", server.uri("/t/ep1.vtt").toString(), "text/vtt", NOTES);

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        String key = Keys.transcriptKey(FEED, "ep1");
        assertEquals(new TranscriptStored(FEED, "ep1", key, "vtt", 6), stored);
        Transcript t = TranscriptCodec.read(blobs.get(key).orElseThrow());
        assertEquals("vtt", t.source());
        assertEquals("ep1", t.episodeId());
        assertEquals("Welcome back to the workshop.", t.segments().get(0).text());
        assertEquals("application/json", blobs.contentType(key));
        var published = events.published(PipelineEvents.TRANSCRIPT_STORED);
        assertEquals(1, published.size());
        JsonNode detail = Json.MAPPER.readTree(published.get(0).detailJson());
        assertEquals(key, detail.get("transcriptKey").asText());
        assertEquals(6, detail.get("segments").asInt());
    }

    @Test
    void anEpisodeRecordedByTheOldCodeStillHasItsOneLinkFetched() {
        server.content("/t/old.vtt", "text/vtt", Fixtures.bytes("transcripts/episode.vtt"));
        // the one-link attributes, without transcriptLinks: what episodes recorded before every link was kept hold
        table.put(Item.of(Keys.feedPk(FEED), Keys.episodeSk("old")).with("type", "Episode").with("feedId", FEED)
                .with("episodeId", "old").with("transcriptUrl", server.uri("/t/old.vtt").toString())
                .with("transcriptType", "text/vtt").with("showNotes", NOTES)
                .with("discoveredAt", "2026-11-30T06:00:00Z").build());

        TranscriptStored stored = fetcher(HttpPolicy.local())
                .fetch(new EpisodeDiscovered(FEED, "old", "Show", "Old", null)).orElseThrow();

        assertEquals("vtt", stored.source());
        assertEquals(1, server.hits("/t/old.vtt"));
    }

    @Test
    void replayReannouncesWithoutDownloadingAgain() {
        server.content("/t/ep1.json", "application/json", Fixtures.bytes("transcripts/episode.json"));
        EpisodeDiscovered d = episode("ep1", server.uri("/t/ep1.json").toString(), "application/json", NOTES);
        TranscriptFetcher fetcher = fetcher(HttpPolicy.local());
        fetcher.fetch(d);
        byte[] first = blobs.get(Keys.transcriptKey(FEED, "ep1")).orElseThrow();

        Optional<TranscriptStored> again = fetcher.fetch(d);

        assertEquals(1, server.hits("/t/ep1.json"));
        assertArrayEquals(first, blobs.get(Keys.transcriptKey(FEED, "ep1")).orElseThrow());
        assertEquals("json", again.orElseThrow().source());
        assertEquals(2, events.published().size());
        assertEquals(events.published().get(0), events.published().get(1));
    }

    @Test
    void corruptStoredTranscriptIsRebuilt() {
        EpisodeDiscovered d = episode("ep8", null, null, NOTES);
        String key = Keys.transcriptKey(FEED, "ep8");
        blobs.put(key, "{truncated".getBytes(StandardCharsets.UTF_8), "application/json");

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        assertEquals(2, stored.segments());
        assertEquals(2, TranscriptCodec.read(blobs.get(key).orElseThrow()).segments().size());
    }

    @Test
    void brokenTranscriptLinkFallsBackToShowNotes() {
        EpisodeDiscovered d = episode("ep2", server.uri("/t/missing.srt").toString(), "application/srt", NOTES);

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        assertEquals("show-notes", stored.source());
        assertEquals(2, stored.segments());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("HTTP 404"));
    }

    @Test
    void aDeadLinkIsCountedInTheOutcomeEvenWhenAnotherTranscriptStandsIn() {
        server.content("/t/ep12.srt", "application/srt", Fixtures.bytes("transcripts/episode.srt"));
        EpisodeDiscovered d = listing("ep12", "en", link("/t/ep12.srt", "application/srt", "en"),
                link("/t/dead.json", "application/json", "en"));

        TranscriptFetcher.Outcome outcome = fetcher(HttpPolicy.local()).fetchReporting(d);

        assertEquals("srt", outcome.stored().orElseThrow().source());
        assertEquals(2, outcome.linksTried());
        assertEquals(1, outcome.linksFailed());
        TranscriptFetcher.Outcome replay = fetcher(HttpPolicy.local()).fetchReporting(d);
        assertEquals(0, replay.linksTried(), "a replay reads the stored transcript and downloads nothing");
    }

    @Test
    void unreadableTranscriptFallsBackToShowNotes() {
        server.content("/t/bad.json", "application/json", "{\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        EpisodeDiscovered d = episode("ep3", server.uri("/t/bad.json").toString(), "application/json", NOTES);

        assertEquals("show-notes", fetcher(HttpPolicy.local()).fetch(d).orElseThrow().source());
    }

    @Test
    void transcriptOnAPrivateAddressIsNeverFetched() {
        EpisodeDiscovered d = episode("ep4", "http://169.254.169.254/latest/meta-data/iam", "text/plain", NOTES);

        TranscriptStored stored = fetcher(HttpPolicy.production()).fetch(d).orElseThrow();

        assertEquals("show-notes", stored.source());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("refused"));
    }

    @Test
    void mislabelledTranscriptIsReadByItsContent() {
        server.content("/t/ep5", "application/octet-stream", Fixtures.bytes("transcripts/episode.srt"));
        EpisodeDiscovered d = episode("ep5", server.uri("/t/ep5").toString(), "text/plain", NOTES);

        assertEquals("srt", fetcher(HttpPolicy.local()).fetch(d).orElseThrow().source());
    }

    @Test
    void noTranscriptUsesShowNotes() {
        EpisodeDiscovered d = episode("ep6", null, null, NOTES);

        assertEquals("show-notes", fetcher(HttpPolicy.local()).fetch(d).orElseThrow().source());
    }

    @Test
    void noTextAtAllStoresAndAnnouncesNothing() {
        EpisodeDiscovered d = episode("ep7", null, null, "  ");

        assertTrue(fetcher(HttpPolicy.local()).fetch(d).isEmpty());
        assertTrue(blobs.list("transcripts/").isEmpty());
        assertTrue(events.published().isEmpty());
    }

    private EpisodeDiscovered listing(String id, String feedLanguage, TranscriptLink... links) {
        Episode e = new Episode(FEED, id, "guid-" + id, "The Tidewater Workshop", "Episode " + id,
                "2026-11-29T09:00:00Z", null, null, NOTES, List.of(links), feedLanguage, "2026-11-30T06:00:00Z");
        episodes.recordUnannounced(e);
        return new EpisodeDiscovered(FEED, id, "The Tidewater Workshop", "Episode " + id, "2026-11-29T09:00:00Z");
    }

    private TranscriptLink link(String path, String type, String language) {
        return new TranscriptLink(server.uri(path).toString(), type, language, null);
    }

    @Test
    void prefersTheBestFormatInTheFeedsLanguage() {
        server.content("/t/de.json", "application/json", Fixtures.bytes("transcripts/episode.json"));
        server.content("/t/en.srt", "application/srt", Fixtures.bytes("transcripts/episode.srt"));
        server.content("/t/en.vtt", "text/vtt", Fixtures.bytes("transcripts/episode.vtt"));
        server.content("/t/en.html", "text/html", Fixtures.bytes("transcripts/episode.html"));
        EpisodeDiscovered d = listing("ep10", "en-us", link("/t/en.html", "text/html", null),
                link("/t/de.json", "application/json", "de"), link("/t/en.srt", "application/x-subrip", "en"),
                link("/t/en.vtt", "text/vtt", null));

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        assertEquals("vtt", stored.source());
        assertEquals(1, server.requests().size());
        assertEquals("en-us", TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow()).language());
    }

    @Test
    void fallsBackToTheNextListedTranscript() {
        server.content("/t/ep11.srt", "application/srt", Fixtures.bytes("transcripts/episode.srt"));
        EpisodeDiscovered d = listing("ep11", "en", link("/t/ep11.srt", "application/srt", "en"),
                link("/t/gone.json", "application/json", "en"));

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        assertEquals("srt", stored.source());
        assertEquals(1, server.hits("/t/gone.json"));
        assertEquals("en", TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow()).language());
    }

    @Test
    void anotherLanguageIsUsedWhenTheFeedsIsNotOffered() {
        server.content("/t/fr.vtt", "text/vtt", Fixtures.bytes("transcripts/episode.vtt"));
        EpisodeDiscovered d = listing("ep12", "en", link("/t/fr.vtt", "text/vtt", "fr"));

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        assertEquals("vtt", stored.source());
        assertEquals("fr", TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow()).language());
    }

    @Test
    void anOversizedTranscriptIsNotRead() {
        byte[] big = ("WEBVTT\n\n" + "00:01.000 --> 00:02.000\nword word word word word\n\n".repeat(200))
                .getBytes(StandardCharsets.UTF_8);
        server.content("/t/big.vtt", "text/vtt", big);
        EpisodeDiscovered d = listing("ep13", "en", link("/t/big.vtt", "text/vtt", null));
        HttpPolicy small = new HttpPolicy(true, 1024, Duration.ofSeconds(5), 5, HttpPolicy.USER_AGENT);

        TranscriptStored stored = fetcher(small).fetch(d).orElseThrow();

        assertEquals("show-notes", stored.source());
    }

    @Test
    void aGzippedTranscriptIsReadAndTheRequestAsksForGzip() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(Fixtures.bytes("transcripts/episode.vtt"));
        }
        server.route("/t/ep15.vtt", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/vtt", zipped.toByteArray());
        });
        EpisodeDiscovered d = listing("ep15", "en", link("/t/ep15.vtt", "text/vtt", null));

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        assertEquals("vtt", stored.source());
        assertEquals(6, stored.segments());
        assertTrue(server.requests().get(0).header("Accept-Encoding").contains("gzip"));
    }

    @Test
    void showNotesCarryTheFeedsLanguage() {
        EpisodeDiscovered d = listing("ep14", "nl");

        TranscriptStored stored = fetcher(HttpPolicy.local()).fetch(d).orElseThrow();

        Transcript t = TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow());
        assertEquals("show-notes", t.source());
        assertEquals("nl", t.language());
    }

    @Test
    void unknownEpisodeFails() {
        EpisodeDiscovered d = new EpisodeDiscovered(FEED, "nope", null, null, null);

        assertThrows(IllegalStateException.class, () -> fetcher(HttpPolicy.local()).fetch(d));
    }
}
