package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
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
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bar for feeds without transcripts (most of them): fetch feeds, then the transcript stage, then
 * extraction, wired with in-memory ports, yields insights taken from the show notes, marked as such.
 */
class ShowNotesOnlyFeedTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final String FEED_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
            <channel>
              <title>The Orchard Ledger</title>
              <language>en</language>
              <item>
                <guid>orchard-31</guid>
                <title>Why old apple trees outlast new ones</title>
                <pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate>
                <enclosure url="https://cdn.orchard.example/31.mp3" type="audio/mpeg" length="1"/>
                <content:encoded><![CDATA[
                  <p>Standard rootstock grows slowly for the first decade, but its deep roots reach water that dwarf
                  trees never find. That is why a seventy year old standard tree keeps cropping through a dry summer
                  while a modern dwarf orchard beside it needs drip irrigation to survive the same weather.</p>
                  <p>Growers who replant with vigorous rootstock give up early harvests in exchange for resilience.
                  Our guest argues the trade is worth it for small farms, because irrigation equipment and its
                  upkeep cost more over thirty years than the fruit lost while young trees establish themselves.</p>
                ]]></content:encoded>
              </item>
              <item>
                <guid>orchard-32</guid>
                <title>Pollinators before pesticides</title>
                <pubDate>Sat, 28 Nov 2026 08:00:00 GMT</pubDate>
                <enclosure url="https://cdn.orchard.example/32.mp3" type="audio/mpeg" length="1"/>
                <description><![CDATA[<p>Wild bees pollinate apple blossom in cold spring weather when honeybees stay
                  in the hive, so orchards with hedgerows and wildflower margins set more fruit in a bad spring.
                  Spraying during bloom kills exactly those bees, which is why the best growers time every spray for
                  the evening after petal fall.</p>]]></description>
              </item>
            </channel>
            </rss>
            """;

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
    void aFeedWithoutTranscriptsStillYieldsInsightsFromItsShowNotes() throws Exception {
        server.content("/orchard.xml", "application/rss+xml", FEED_XML.getBytes(StandardCharsets.UTF_8));
        FeedRepository feeds = new FeedRepository(table);
        EpisodeRepository episodes = new EpisodeRepository(table);
        feeds.add(server.uri("/orchard.xml").toString(), null);
        SafeHttpClient http = new SafeHttpClient(HttpPolicy.local());
        new FeedPoller(feeds, episodes, blobs, events, http, Clock.fixed(NOW, ZoneOffset.UTC), 1, quiet).pollAll();
        TranscriptFetcher fetcher = new TranscriptFetcher(episodes, blobs, events, http, quiet);
        ExtractionService extraction = new ExtractionService(blobs, table, events, Clock.fixed(NOW, ZoneOffset.UTC),
                new Settings("digest@example.com", ZoneId.of("UTC"), 3, 5, 2));

        List<PipelineEvent> discovered = events.published(PipelineEvents.EPISODE_DISCOVERED);
        assertEquals(2, discovered.size());
        int insights = 0;
        List<Insight> found = new ArrayList<>();
        for (PipelineEvent e : discovered) {
            EpisodeDiscovered d = Json.MAPPER.readValue(e.detailJson(), EpisodeDiscovered.class);
            TranscriptStored stored = fetcher.fetch(d).orElseThrow();
            assertEquals(ShowNotes.SOURCE, stored.source());
            Transcript t = TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow());
            assertEquals("en", t.language());
            InsightsExtracted extracted = extraction.extract(stored);
            insights += extracted.insights();
            found.addAll(new InsightRepository(table).forEpisode(d.episodeId()));
        }

        assertTrue(insights >= 2, "insights from show notes: " + insights);
        assertEquals(insights, found.size());
        String notes = FEED_XML.replaceAll("\\s+", " ");
        for (Insight i : found) {
            assertFalse(i.text().isBlank());
            String opening = i.text().split("\\s+").length > 4 ? String.join(" ", List.of(i.text().split("\\s+")).subList(0, 4)) : i.text();
            assertTrue(notes.contains(opening), "insight comes from the notes: " + i.text());
        }
        assertTrue(server.requests().stream().allMatch(r -> r.path().equals("/orchard.xml")), "no transcript was fetched");
    }
}
