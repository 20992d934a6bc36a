package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every transcript an item lists reaches the transcript stage, which picks one in the feed's language. */
class FeedTranscriptLinksTest {
    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theFeedsLanguageAndFormatPreferenceChooseTheTranscript() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
                <channel>
                  <title>Werkstattfunk</title>
                  <language>de-DE</language>
                  <item>
                    <guid>wf-7</guid>
                    <title>Folge 7</title>
                    <podcast:transcript url="%1$s/t/en.json" type="application/json" language="en"/>
                    <podcast:transcript url="%1$s/t/de.html" type="text/html"/>
                    <podcast:transcript url="%1$s/t/de.srt" type="application/x-subrip" language="de"/>
                    <description>Notizen.</description>
                  </item>
                </channel>
                </rss>
                """.formatted(server.uri("").toString().replaceAll("/$", ""));
        server.content("/feed.xml", "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8));
        server.content("/t/de.srt", "application/x-subrip",
                "1\n00:00:01,000 --> 00:00:03,000\nJana: Heute biegen wir Eiche.\n".getBytes(StandardCharsets.UTF_8));
        FeedRepository feeds = new FeedRepository(table);
        EpisodeRepository episodes = new EpisodeRepository(table);
        feeds.add(server.uri("/feed.xml").toString(), null);
        SafeHttpClient http = new SafeHttpClient(HttpPolicy.local());
        new FeedPoller(feeds, episodes, blobs, events, http,
                Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC), 1, quiet).pollAll();
        EpisodeDiscovered d = Json.MAPPER.readValue(
                events.published(PipelineEvents.EPISODE_DISCOVERED).get(0).detailJson(), EpisodeDiscovered.class);

        TranscriptStored stored = new TranscriptFetcher(episodes, blobs, events, http, quiet).fetch(d).orElseThrow();

        assertEquals("srt", stored.source());
        Transcript t = TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow());
        assertEquals("de", t.language());
        assertEquals("Jana", t.segments().get(0).speaker());
        assertEquals(0, server.hits("/t/en.json"));
        assertEquals(0, server.hits("/t/de.html"));
    }
}
