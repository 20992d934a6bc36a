package com.podcastinsights.digest;

import com.podcastinsights.fakes.InMemoryTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SubscriberRepositoryTest {
    private final SubscriberRepository repo = new SubscriberRepository(new InMemoryTable());

    @Test
    void preferencesSurviveUnsubscribeAndResubscribe() {
        repo.save(new Subscriber("Ann@Example.com", true, null, "Europe/Berlin", 6, List.of("batteries", " sleep "), List.of("Grid & Ground")),
                "2026-11-01T00:00:00Z");
        Subscriber ann = repo.find("ann@example.com").orElseThrow();
        assertEquals(new Subscriber("ann@example.com", true, "2026-11-01T00:00:00Z", "Europe/Berlin", 6,
                List.of("batteries", "sleep"), List.of("Grid & Ground")), ann);
        repo.unsubscribe("ann@example.com", "2026-11-02T00:00:00Z");
        assertTrue(repo.active().isEmpty());
        repo.subscribe("ann@example.com", "2026-11-03T00:00:00Z");
        assertEquals(ann, repo.find("ann@example.com").orElseThrow(), "back with the same preferences and first date");
    }

    @Test
    void theLanguagesAReaderReadsSurviveUnsubscribeAndABadCodeIsRefused() {
        repo.save(new Subscriber("eva@example.com", true, null, null, null, List.of(), List.of(), List.of("ES", "pt-BR", "es")),
                "2026-11-01T00:00:00Z");
        assertEquals(List.of("es", "pt"), repo.find("eva@example.com").orElseThrow().languages());
        repo.unsubscribe("eva@example.com", "2026-11-02T00:00:00Z");
        repo.subscribe("eva@example.com", "2026-11-03T00:00:00Z");
        assertEquals(List.of("es", "pt"), repo.find("eva@example.com").orElseThrow().languages());
        assertEquals(Subscriber.DEFAULT_LANGUAGES, new Subscriber("x@example.com", true, null).languages());
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> repo.save(new Subscriber("z@example.com", true, null, null, null, List.of(), List.of(),
                        List.of("klingon!")), "2026-11-01T00:00:00Z"));
        assertTrue(bad.getMessage().contains("not a language code"), bad.getMessage());
    }

    @Test
    void suppressionStopsMailAndKeepsTheItem() {
        repo.subscribe("bob@example.com", "2026-11-01T00:00:00Z");
        repo.suppress("bob@example.com", "2026-11-02T00:00:00Z", "hard bounce");
        assertTrue(repo.active().isEmpty());
        assertFalse(repo.find("bob@example.com").orElseThrow().active());
    }

    @Test
    void badPreferencesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> repo.save(
                new Subscriber("c@example.com", true, null, "Mars/Olympus", 7, List.of(), List.of()), "t"));
        assertThrows(IllegalArgumentException.class, () -> new Subscriber("c@example.com", true, null, null, 24, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> repo.save(new Subscriber("c@example.com", true, null, null, 7,
                java.util.stream.IntStream.range(0, 30).mapToObj(i -> "t" + i).toList(), List.of()), "t"));
        assertTrue(repo.find("c@example.com").isEmpty());
    }
}
