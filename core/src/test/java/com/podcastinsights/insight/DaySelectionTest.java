package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaySelectionTest {
    private static final String BATTERY = "Grid batteries now pay for themselves within four years, because evening "
            + "peak prices doubled while cell costs fell by half since last winter.";
    private static final String BATTERY_AGAIN = "Honestly, grid batteries now pay for themselves within four years, because "
            + "evening peak prices doubled while cell costs fell by half since last winter.";
    private static final String SLEEP = "Sleeping seven hours protects memory more than any supplement, since the brain "
            + "clears waste mostly during deep sleep stages at night.";
    private static final String SLEEP_TOO = "Deep sleep matters for memory more than any pill does, since the brain clears "
            + "waste during its deep sleep stages at night, sleeping seven hours.";
    private static final String RUST = "Rewriting the parser in Rust removed a whole class of crashes, which means the "
            + "team now ships twice a month instead of once a quarter.";

    private static Insight insight(String id, String episode, String show, String text, double score) {
        return new Insight(id, "feed-" + show, episode, show, "Episode " + episode, text, score, 10, null,
                "https://cdn.example/" + episode + ".mp3#t=10", null, "2026-11-30");
    }

    @Test
    void aPassageWithAFewWordsAddedIsANearDuplicateAndADifferentPointIsNot() {
        assertTrue(DaySelection.nearDuplicate(BATTERY, BATTERY_AGAIN));
        assertFalse(DaySelection.nearDuplicate(BATTERY, SLEEP));
        assertFalse(DaySelection.nearDuplicate(SLEEP, SLEEP_TOO), "same topic in other words is not a duplicate");
    }

    @Test
    void nearDuplicatesAcrossShowsBecomeOneThemeNamingEveryShow() {
        List<DaySelection.Theme> themes = DaySelection.themes(List.of(
                insight("a1", "ea", "Show A", BATTERY, 0.9),
                insight("b1", "eb", "Show B", SLEEP, 0.8),
                insight("c1", "ec", "Show C", BATTERY_AGAIN, 0.7)));
        assertEquals(2, themes.size());
        DaySelection.Theme battery = themes.get(0);
        assertEquals("a1", battery.best().id());
        assertEquals(List.of("a1", "c1"), battery.members().stream().map(Insight::id).toList());
        assertEquals(List.of("Show A", "Show C"), battery.shows());
        assertEquals(List.of("Show C"), battery.otherShows());
        assertEquals(List.of(), themes.get(1).otherShows());
    }

    @Test
    void aThemeSeveralShowsRaiseOutranksABetterSinglePassage() {
        List<DaySelection.Theme> themes = DaySelection.themes(List.of(
                insight("s1", "es", "Show S", SLEEP, 0.8),
                insight("a1", "ea", "Show A", BATTERY, 0.7),
                insight("c1", "ec", "Show C", BATTERY_AGAIN, 0.3)));
        assertEquals("a1", themes.get(0).best().id());
        assertEquals(0.7 * (1 + DaySelection.SHOW_BOOST), themes.get(0).score(), 1e-9);
        assertEquals(0.8, themes.get(1).score(), 1e-9);
    }

    @Test
    void theSameShowRepeatingItselfGetsNoBoost() {
        List<DaySelection.Theme> themes = DaySelection.themes(List.of(
                insight("a1", "ea", "Show A", BATTERY, 0.7),
                insight("a2", "ea2", "Show A", BATTERY_AGAIN, 0.6)));
        assertEquals(1, themes.size());
        assertEquals(0.7, themes.get(0).score(), 1e-9);
    }

    @Test
    void theBoostStopsGrowingAfterThreeFurtherShows() {
        List<Insight> many = new java.util.ArrayList<>();
        for (int s = 0; s < 8; s++) many.add(insight("x" + s, "e" + s, "Show " + s, BATTERY, 0.5));
        assertEquals(0.5 * (1 + DaySelection.SHOW_BOOST * DaySelection.MAX_BOOSTED_SHOWS),
                DaySelection.themes(many).get(0).score(), 1e-9);
    }

    @Test
    void mmrPrefersADifferentPointOverASimilarSlightlyBetterOne() {
        List<DaySelection.Theme> themes = DaySelection.themes(List.of(
                insight("s1", "e1", "Show A", SLEEP, 1.0),
                insight("s2", "e2", "Show B", SLEEP_TOO, 0.95),
                insight("r1", "e3", "Show C", RUST, 0.85)));
        List<String> picked = DaySelection.select(themes, 2, 2).stream().map(t -> t.best().id()).toList();
        assertEquals(List.of("s1", "r1"), picked);
        assertEquals(List.of("s1", "r1", "s2"),
                DaySelection.select(themes, 3, 2).stream().map(t -> t.best().id()).toList());
    }

    @Test
    void atMostTwoPassagesFromOneEpisode() {
        List<DaySelection.Theme> themes = DaySelection.themes(List.of(
                insight("a1", "ea", "Show A", BATTERY, 0.9),
                insight("a2", "ea", "Show A", SLEEP, 0.85),
                insight("a3", "ea", "Show A", RUST, 0.8),
                insight("b1", "eb", "Show B", "Tariffs on steel raised car prices by a tenth, so buyers kept old cars longer.", 0.1)));
        List<String> picked = DaySelection.select(themes, 5, 2).stream().map(t -> t.best().id()).toList();
        assertEquals(List.of("a1", "a2", "b1"), picked);
    }

    @Test
    void textsAlreadySentAreRecognizedInTheirNearDuplicates() {
        assertTrue(DaySelection.duplicatesAny(BATTERY_AGAIN, List.of(RUST, BATTERY)));
        assertFalse(DaySelection.duplicatesAny(SLEEP, List.of(RUST, BATTERY)));
    }

    // five other episodes of the day, all talking about "people", "years", "week" and "podcast"
    private static List<Insight> genericDay() {
        List<Insight> day = new java.util.ArrayList<>();
        for (int e = 0; e < 5; e++) {
            day.add(insight("o" + e, "eo" + e, "Show O" + e, "People this week on the podcast said that it "
                    + "matter, and people keep saying so every week, topic " + e + " aside.", 0.2));
        }
        return day;
    }

    private static final String GENERIC = "People this week keep saying the podcast years matter, because people say "
            + "every week that years of work matter to people.";
    private static final String SPECIFIC = "Sodium-ion cells skip lithium and cobalt entirely, which means grid "
            + "storage makers escape the mineral supply squeeze.";

    @Test
    void aPassageInWordsTheWholeDayUsesLosesToAnEquallyScoredSpecificOne() {
        List<Insight> day = new java.util.ArrayList<>(genericDay());
        day.add(0, insight("g", "eg", "Show G", GENERIC, 0.8));
        day.add(1, insight("s", "es", "Show S", SPECIFIC, 0.8));
        List<DaySelection.Theme> themes = DaySelection.themes(day);
        assertEquals("s", themes.get(0).best().id(), "the specific passage ranks first");
        assertEquals(0.8, themes.get(0).score(), 0.8 * 0.05, "specific words keep nearly all of the score");
        DaySelection.Theme generic = themes.stream().filter(t -> t.best().id().equals("g")).findFirst().orElseThrow();
        assertTrue(generic.score() < 0.8 * (1 - DaySelection.SPECIFICITY_WEIGHT / 2), "generic loses: " + generic.score());
        assertTrue(generic.score() >= 0.8 * (1 - DaySelection.SPECIFICITY_WEIGHT) - 1e-9, "never more than the weight");
    }

    @Test
    void specificityIsNeutralWhenTheDayHasTooFewOtherEpisodesToTell() {
        List<Insight> day = List.of(insight("g", "eg", "Show G", GENERIC, 0.8),
                insight("o", "eo", "Show O", "People this week on the podcast said years of work matter to people.", 0.2));
        assertEquals(0.8, DaySelection.themes(day).get(0).score(), 1e-9);
    }

    @Test
    void aThemesOwnEpisodesDoNotCountAgainstItsSpecificity() {
        List<Insight> day = new java.util.ArrayList<>(genericDay());
        day.add(0, insight("a1", "ea", "Show A", BATTERY, 0.7));
        day.add(1, insight("c1", "ec", "Show C", BATTERY_AGAIN, 0.6));
        DaySelection.Theme battery = DaySelection.themes(day).get(0);
        assertEquals(List.of("a1", "c1"), battery.members().stream().map(Insight::id).toList());
        assertEquals(0.7 * (1 + DaySelection.SHOW_BOOST), battery.score(), 1e-9,
                "no other episode uses the battery words: nothing taken off");
    }
}
