package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PersonalizerTest {
    private final Personalizer personalizer = new Personalizer(3, 2);

    private static Insight insight(String id, String podcast, String text, double score) {
        return new Insight(id, "feed-" + podcast, "ep-" + id, podcast, "Episode " + id, text, score, 10, null, null, null, "d");
    }

    private final List<Insight> pool = List.of(
            insight("a", "Compute", "Caches pay off because the hot set is small.", 0.90),
            insight("b", "Grid", "Batteries earn most in the worst hours of the grid.", 0.80),
            insight("c", "Sleep", "Naps blunt the afternoon dip.", 0.70),
            insight("d", "Compute", "Distillation makes small models cheap.", 0.65),
            insight("e", "Grid", "Heat pumps work below freezing; batteryless homes too.", 0.50));
    private final DailySelection.Edition edition = new DailySelection.Edition("d", pool.subList(0, 3), pool);

    private static List<String> ids(List<Insight> l) {
        return l.stream().map(Insight::id).toList();
    }

    @Test
    void noPreferencesMeansTheEditionsOwnFive() {
        assertSame(edition.five(), personalizer.choose(edition, new Subscriber("r@example.com", true, "t")));
    }

    @Test
    void aTopicWeightsMatchingInsightsUpAsWholeWordsOnly() {
        Subscriber s = new Subscriber("r@example.com", true, "t", null, null, List.of("distillation"), List.of());
        assertEquals(List.of("d", "a", "b"), ids(personalizer.choose(edition, s)), "0.65 x 1.5 = 0.975 beats a's 0.90");
        Subscriber batteries = new Subscriber("r@example.com", true, "t", null, null, List.of("Batteries"), List.of());
        List<String> got = ids(personalizer.choose(edition, batteries));
        assertEquals("b", got.get(0), "1.2 beats 0.9");
        assertFalse(got.contains("e"), "'batteryless' is not the word 'batteries'");
    }

    @Test
    void mutedShowsNeverAppear() {
        Subscriber s = new Subscriber("r@example.com", true, "t", null, null, List.of(), List.of("compute"));
        assertEquals(List.of("b", "c", "e"), ids(personalizer.choose(edition, s)));
    }

    @Test
    void theCapPerEpisodeStillHolds() {
        List<Insight> sameEpisode = List.of(
                new Insight("x1", "f", "ep", "P", "E", "one topic", 0.9, 1, null, null, null, "d"),
                new Insight("x2", "f", "ep", "P", "E", "two topic", 0.8, 1, null, null, null, "d"),
                new Insight("x3", "f", "ep", "P", "E", "three topic", 0.7, 1, null, null, null, "d"),
                insight("y", "Q", "other", 0.1));
        Subscriber s = new Subscriber("r@example.com", true, "t", null, null, List.of("topic"), List.of());
        assertEquals(List.of("x1", "x2", "y"), ids(personalizer.choose(new DailySelection.Edition("d", List.of(), sameEpisode), s)));
    }

    @Test
    void aReaderGetsOnlyTheLanguagesTheyRead() {
        Insight spanish = new Insight("es1", "f-es", "ep-es", "Charlas", "Uno", "Los precios suben porque", 0.99, 1, null,
                null, null, "d", "vtt", "es");
        Insight english = new Insight("en1", "f-en", "ep-en", "Talks", "One", "Prices rise because", 0.5, 1, null,
                null, null, "d", "vtt", "en-us");
        DailySelection.Edition day = new DailySelection.Edition("d", List.of(english), List.of(spanish, english));
        assertEquals(List.of("en1"), ids(personalizer.choose(day, new Subscriber("r@example.com", true, "t"))));
        Subscriber both = new Subscriber("s@example.com", true, "t", null, null, List.of(), List.of(), List.of("es", "en"));
        assertEquals(List.of("es1", "en1"), ids(personalizer.choose(day, both)));
        Subscriber spanishOnly = new Subscriber("o@example.com", true, "t", null, null, List.of(), List.of(), List.of("es"));
        assertEquals(List.of("es1"), ids(personalizer.choose(day, spanishOnly)));
    }
}
