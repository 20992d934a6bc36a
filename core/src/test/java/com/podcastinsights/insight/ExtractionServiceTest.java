package com.podcastinsights.insight;

import com.podcastinsights.json.Json;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.transcript.TranscriptCodec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static com.podcastinsights.insight.SampleTranscripts.EPISODE;
import static com.podcastinsights.insight.SampleTranscripts.FEED;
import static org.junit.jupiter.api.Assertions.*;

class ExtractionServiceTest {
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final Settings settings = new Settings("digest@example.com", ZoneId.of("Europe/Berlin"), 3, 5, 2);
    private final ExtractionService service = new ExtractionService(blobs, table, events,
            Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC), settings);
    private final TranscriptStored stored = new TranscriptStored(FEED, EPISODE, Keys.transcriptKey(FEED, EPISODE), "vtt", 40);

    public static Episode episode() {
        return new Episode(FEED, EPISODE, "guid-12", "The Compute Frontier", "Why small models got cheap",
                "2026-11-20T09:00:00Z", "https://frontier.example/ep/12", "https://cdn.example/ep12.mp3", null, null, null);
    }

    private void seed() {
        new EpisodeRepository(table).recordIfNew(episode(), "2026-11-29T23:30:00Z");
        blobs.put(stored.transcriptKey(), TranscriptCodec.write(SampleTranscripts.computeFrontier("vtt")), "application/json");
    }

    @Test
    void storesTheBestInsightsOnTheDiscoveryDayAndAnnouncesThem() throws Exception {
        seed();
        InsightsExtracted result = service.extract(stored);
        // discovered 23:30 UTC on the 29th is already the 30th in Berlin; the clock (1 Dec) plays no part
        assertEquals(new InsightsExtracted(FEED, EPISODE, "2026-11-30", 3), result);
        List<Item> items = table.ofType("Insight");
        assertEquals(3, items.size());
        for (Item i : items) {
            assertEquals("2026-11-30", i.string("day"));
            assertEquals("The Compute Frontier", i.string("podcastTitle"));
            assertTrue(i.string("link").startsWith("https://cdn.example/ep12.mp3#t="));
        }
        assertEquals(1, events.published().size());
        assertEquals(PipelineEvents.INSIGHTS_EXTRACTED, events.published().get(0).detailType());
        assertEquals(result, Json.MAPPER.readValue(events.published().get(0).detailJson(), InsightsExtracted.class));
    }

    @Test
    void aReplayedEventWritesNoDuplicateInsights() {
        seed();
        service.extract(stored);
        List<Item> first = table.ofType("Insight");
        service.extract(stored);
        assertEquals(first, table.ofType("Insight"));
        assertEquals(3, new InsightRepository(table).topForDay("2026-11-30", 50).size());
    }

    @Test
    void aMissingTranscriptIsAClearError() {
        new EpisodeRepository(table).recordIfNew(episode(), "2026-11-29T23:30:00Z");
        var e = assertThrows(IllegalStateException.class, () -> service.extract(stored));
        assertTrue(e.getMessage().contains(stored.transcriptKey()), e.getMessage());
        assertTrue(events.published().isEmpty());
    }

    @Test
    void aMissingEpisodeIsAClearError() {
        blobs.put(stored.transcriptKey(), TranscriptCodec.write(SampleTranscripts.computeFrontier("vtt")), "application/json");
        var e = assertThrows(IllegalStateException.class, () -> service.extract(stored));
        assertTrue(e.getMessage().contains(EPISODE), e.getMessage());
        assertTrue(table.ofType("Insight").isEmpty());
    }
}
