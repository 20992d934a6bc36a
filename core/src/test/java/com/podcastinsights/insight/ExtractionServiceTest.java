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
import java.util.Optional;

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
                "2026-11-20T09:00:00Z", "https://frontier.example/ep/12", "https://cdn.example/ep12.mp3", null, List.of(), null,
                "2026-11-29T23:30:00Z");
    }

    private void seed() {
        new EpisodeRepository(table).recordIfNew(episode());
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

    /**
     * The pipeline keeps each episode's fingerprint, so a read the show repeats in every episode (here a
     * plug with no plug wording, which only its recurrence gives away) is never an insight of a later one.
     */
    @Test
    void whatAShowSaysEveryEpisodeIsNotAnInsightOfTheNextOne() {
        String read = "Our members fund every hour of research behind these conversations, and the archive of past "
                + "interviews with full reading lists is theirs to browse whenever they want, at any time of day.";
        String talk = "Cheap inference changed who can build products, because a startup now pays for answers by the "
                + "thousand instead of renting a cluster, which means small teams can ship what only large labs could.";
        String other = "Chips rented by the hour cost more than most founders expect in their first year, since idle "
                + "capacity is billed like busy capacity and nobody turns the machines off at night or on weekends.";
        java.util.function.BiFunction<String, String, com.podcastinsights.transcript.Transcript> episodeOf = (a, b) ->
                new com.podcastinsights.transcript.Transcript(FEED, EPISODE, "en", "vtt", List.of(
                        new com.podcastinsights.transcript.Segment(0, 20.0, "Host", a),
                        new com.podcastinsights.transcript.Segment(600, 620.0, "Guest", b)));
        new EpisodeRepository(table).recordIfNew(episode());
        Episode second = new Episode(FEED, "ep13", "guid-13", "The Compute Frontier", "Idle chips",
                "2026-11-21T09:00:00Z", null, "https://cdn.example/ep13.mp3", null, List.of(), null, "2026-11-30T23:30:00Z");
        new EpisodeRepository(table).recordIfNew(second);

        blobs.put(stored.transcriptKey(), TranscriptCodec.write(episodeOf.apply(talk, read)), "application/json");
        service.extract(stored);
        assertTrue(table.ofType("Insight").stream().anyMatch(i -> i.string("text").startsWith("Our members")),
                "the first episode cannot know the read recurs");

        TranscriptStored next = new TranscriptStored(FEED, "ep13", Keys.transcriptKey(FEED, "ep13"), "vtt", 2);
        blobs.put(next.transcriptKey(), TranscriptCodec.write(episodeOf.apply(read, other)), "application/json");
        service.extract(next);
        List<String> texts = new InsightRepository(table).forEpisode("ep13").stream().map(Insight::text).toList();
        assertEquals(1, texts.size(), "the read recurs, the conversation does not: " + texts);
        assertTrue(texts.get(0).startsWith("Chips rented"), texts.toString());
        assertEquals(2, blobs.list(Keys.fingerprintPrefix(FEED)).size(), "one fingerprint per episode, replays included");
        service.extract(next);
        assertEquals(2, blobs.list(Keys.fingerprintPrefix(FEED)).size());
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
        new EpisodeRepository(table).recordIfNew(episode());
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

    @Test
    void theDayIsWhenTheEpisodeWasDiscoveredInTheDigestZone() {
        Episode e = new Episode("f", "e", "g", "Show", "Title", null, null, null, null, List.of(), null,
                "2026-11-30T03:00:00Z");
        assertEquals(Optional.of("2026-11-29"), ExtractionService.dayOf(e, ZoneId.of("America/New_York")));
        assertEquals(Optional.of("2026-11-30"), ExtractionService.dayOf(e, ZoneId.of("UTC")));
        Episode undiscovered = new Episode("f", "e", "g", "Show", "Title", null, null, null, null, List.of(), null,
                null);
        assertEquals(Optional.empty(), ExtractionService.dayOf(undiscovered, ZoneId.of("UTC")));
    }
}
