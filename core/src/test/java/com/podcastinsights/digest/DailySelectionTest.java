package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.ExtractedInsight;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.fakes.InMemoryTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailySelectionTest {
    private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");
    private final InMemoryTable table = new InMemoryTable();
    private final InsightRepository repo = new InsightRepository(table);
    private final DailySelection selection = new DailySelection(repo, table, Settings.defaults());

    @Test
    void topFiveWithAtMostTwoPerEpisode() {
        DigestFixtures.seedDay(table, "2026-11-30");
        assertEquals(List.of("id-a-1", "id-a-2", "id-b-1", "id-c-1", "id-b-2"), ids(selection.forDay("2026-11-30", NOW)));
    }

    @Test
    void anEpisodeFoundAfterYesterdaysSendReachesTodaysEdition() {
        DigestFixtures.seedDay(table, "2026-11-30");
        save("z", 1.0, "2026-11-29");
        assertEquals("id-z-1", ids(selection.forDay("2026-11-30", NOW)).get(0));
    }

    @Test
    void whatYesterdaysEditionCarriedIsNotSentAgain() {
        save("z", 1.0, "2026-11-29");
        assertEquals(List.of("id-z-1"), ids(selection.forDay("2026-11-29", NOW.minusSeconds(86_400))));
        DigestFixtures.seedDay(table, "2026-11-30");
        assertFalse(ids(selection.forDay("2026-11-30", NOW)).contains("id-z-1"));
    }

    @Test
    void insightsOlderThanYesterdayAreNotCandidates() {
        save("old", 1.0, "2026-11-28");
        assertTrue(selection.forDay("2026-11-30", NOW).isEmpty());
    }

    @Test
    void aReplayOfTheDayGetsTheSameEditionEvenWhenBetterInsightsArrived() {
        DigestFixtures.seedDay(table, "2026-11-30");
        List<String> first = ids(selection.forDay("2026-11-30", NOW));
        save("late", 1.0, "2026-11-30");
        assertEquals(first, ids(selection.forDay("2026-11-30", NOW.plusSeconds(3600))));
        assertTrue(ids(new DailySelection(repo, table, Settings.defaults()).forDay("2026-12-01", NOW)).contains("id-late-1"));
    }

    /**
     * Issue 13, item 4: a UTC reader is mailed at 07:00Z; ten better episodes are filed the same day; a Los Angeles
     * reader mailed at 15:00Z must get the same five, not what is left of them in the day's new top 50.
     */
    @Test
    void theStoredFiveReachALaterReaderAfterBetterEpisodesPushedThemOutOfTheDaysTop() {
        String day = "2026-11-30";
        for (String e : List.of("a", "b", "c", "d")) save(e, 0.5, day);
        List<String> first = ids(selection.edition(day, NOW).five());
        assertEquals(4, first.size());
        for (int e = 0; e < 10; e++) {
            List<ExtractedInsight> five = new java.util.ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                Insight i = DigestFixtures.insight("late" + e, r, 0.9, day);
                five.add(new ExtractedInsight(r, i, i.text()));
            }
            repo.save("late" + e, five, day + "T10:00:00Z");
        }
        for (int e = 0; e < 30; e++) save("yesterday" + e, 0.95, "2026-11-29");

        DailySelection.Edition later = new DailySelection(repo, table, Settings.defaults())
                .edition(day, Instant.parse("2026-11-30T15:00:00Z"));

        assertEquals(first, ids(later.five()));
        assertEquals(4, later.pool().size(), "the pool is the stored one too");
    }

    @Test
    void fewerThanFiveWhenTheCapLeavesFewer() {
        List<Insight> ranked = List.of(DigestFixtures.insight("a", 1, 0.9, "d"), DigestFixtures.insight("a", 2, 0.8, "d"),
                DigestFixtures.insight("a", 3, 0.7, "d"));
        assertEquals(2, DailySelection.pick(ranked, 5, 2).size());
    }

    @Test
    void anEmptyDaySelectsNothingAndStoresNoEdition() {
        assertTrue(selection.forDay("2026-11-30", NOW).isEmpty());
        DigestFixtures.seedDay(table, "2026-11-30");
        assertEquals(5, selection.forDay("2026-11-30", NOW).size());
    }

    private static final String BATTERY = "Grid batteries now pay for themselves within four years, because evening "
            + "peak prices doubled while cell costs fell by half since last winter.";
    private static final String BATTERY_AGAIN = "So grid batteries now pay for themselves within four years, because "
            + "evening peak prices doubled while cell costs fell by half since last winter.";

    private void saveText(String episode, String show, String text, double score, String day) {
        Insight i = new Insight("id-" + episode + "-1", "feed-" + episode, episode, show, "Episode " + episode, text,
                score, 30, null, "https://cdn.example/" + episode + ".mp3#t=30", null, day);
        repo.save(episode, List.of(new ExtractedInsight(1, i, text)), day + "T06:00:00Z");
    }

    @Test
    void aPointSeveralShowsMadeIsOneItemThatNamesTheOtherShowsAlsoOnReplay() {
        DigestFixtures.seedDay(table, "2026-11-30");
        saveText("x", "Show X", BATTERY, 0.75, "2026-11-30");
        saveText("y", "Show <Y>", BATTERY_AGAIN, 0.2, "2026-11-30");
        DailySelection.Edition edition = selection.edition("2026-11-30", NOW);
        List<String> five = ids(edition.five());
        assertTrue(five.contains("id-x-1"), "boosted by the second show: " + five);
        assertFalse(five.contains("id-y-1"), "its near-duplicate is merged into it");
        Insight x = edition.five().stream().filter(i -> i.id().equals("id-x-1")).findFirst().orElseThrow();
        assertEquals(List.of("Show <Y>"), edition.alsoOn(x));
        assertEquals(0.75 * 1.25, edition.score(x), 1e-9);
        DailySelection.Edition replay = new DailySelection(repo, table, Settings.defaults()).edition("2026-11-30", NOW.plusSeconds(60));
        assertEquals(five, ids(replay.five()));
        assertEquals(List.of("Show <Y>"), replay.alsoOn(x));
    }

    @Test
    void nothingAnEditionOfTheLast30DaysCarriedIsChosenAgainNorANearDuplicateOfIt() {
        saveText("old", "Show X", BATTERY, 1.0, "2026-11-05");
        assertEquals(List.of("id-old-1"), ids(selection.forDay("2026-11-05", NOW)));
        saveText("x", "Show Y", BATTERY_AGAIN, 1.0, "2026-11-30");
        DigestFixtures.seedDay(table, "2026-11-30");
        assertFalse(ids(selection.forDay("2026-11-30", NOW)).contains("id-x-1"), "25 days after: a repeat");
    }

    @Test
    void anEditionOlderThan30DaysNoLongerBlocksAPoint() {
        saveText("old", "Show X", BATTERY, 1.0, "2026-10-30");
        assertEquals(List.of("id-old-1"), ids(selection.forDay("2026-10-30", NOW)));
        saveText("x", "Show Y", BATTERY_AGAIN, 1.0, "2026-11-30");
        assertEquals(List.of("id-x-1"), ids(selection.forDay("2026-11-30", NOW)), "31 days after");
    }

    @Test
    void theMostDifferentPointsAreChosenNotFiveVariationsOfOne() {
        saveText("s1", "Show A", "Sleeping seven hours protects memory more than any supplement, since the brain clears waste during deep sleep.", 1.0, "2026-11-30");
        saveText("s2", "Show B", "Deep sleep protects memory more than any pill, since the brain clears its waste while sleeping seven hours.", 0.97, "2026-11-30");
        saveText("r1", "Show C", "Rewriting the parser in Rust removed a class of crashes, which means releases now ship twice a month.", 0.9, "2026-11-30");
        assertEquals(List.of("id-s1-1", "id-r1-1"), ids(selection.forDay("2026-11-30", NOW)).subList(0, 2));
    }

    private void save(String episode, double score, String day) {
        Insight i = DigestFixtures.insight(episode, 1, score, day);
        repo.save(episode, List.of(new ExtractedInsight(1, i, i.text())), day + "T06:00:00Z");
    }

    private static List<String> ids(List<Insight> insights) {
        return insights.stream().map(Insight::id).toList();
    }

    @Test
    void theScoresThemesCompetedWithAreStoredSoAReplayRanksPersonalPicksTheSame() {
        String day = "2026-11-30";
        for (int e = 0; e < 5; e++) {
            saveText("o" + e, "Show O" + e, "People this week on the podcast keep saying that it matters to people, "
                    + "topic " + e + ".", 0.3, day);
        }
        saveText("g", "Show G", "People this week on the podcast keep saying it matters, people say so every week.", 0.8, day);
        saveText("s", "Show S", "Sodium-ion cells skip lithium and cobalt, which means storage makers escape the squeeze.", 0.8, day);
        DailySelection.Edition first = selection.edition(day, NOW);
        Insight generic = first.pool().stream().filter(i -> i.id().equals("id-g-1")).findFirst().orElseThrow();
        Insight specific = first.pool().stream().filter(i -> i.id().equals("id-s-1")).findFirst().orElseThrow();
        assertTrue(first.score(generic) < first.score(specific), "specificity is in the edition's scores");

        DailySelection.Edition replay = selection.edition(day, NOW.plusSeconds(3600));
        for (Insight i : first.pool()) assertEquals(first.score(i), replay.score(i), 1e-12, i.id());
        assertEquals(first.pool().size(), table.get(com.podcastinsights.store.Keys.editionPk(day),
                com.podcastinsights.store.Keys.EDITION_SK).orElseThrow().strings("themeScores").size());
    }

    @Test
    void aDamagedThemeScoreFallsBackToThePlainScore() {
        assertEquals(java.util.Map.of("a", 0.5), DailySelection.decodeScores(List.of("a\t0.5", "b\tnot-a-number", "no-tab")));
    }

    @Test
    void anEditionExpiresOnlyAfterTheDaysThatReadItAndItsReplays() {
        DigestFixtures.seedDay(table, "2026-11-30");
        selection.forDay("2026-11-30", NOW);
        var edition = table.get(com.podcastinsights.store.Keys.editionPk("2026-11-30"),
                com.podcastinsights.store.Keys.EDITION_SK).orElseThrow();
        long ttl = edition.number("ttl", 0);
        // later days read it for NO_REPEAT_DAYS, and the event archive can replay its day for 30 days
        assertTrue(ttl > NOW.plusSeconds(86_400L * (DailySelection.NO_REPEAT_DAYS + 30)).getEpochSecond(), "ttl " + ttl);
        assertTrue(ttl <= NOW.plusSeconds(86_400L * 365).getEpochSecond(), "ttl " + ttl);
    }

    @Test
    void thirtyDaysOfHistoryAreOneQueryNotThirtyGets() {
        for (int back = 30; back >= 1; back--) {
            String d = java.time.LocalDate.parse("2026-11-30").minusDays(back).toString();
            saveText("h" + back, "Show H" + back, "Heat pumps in house " + back + " cut the bill by a third, because they move heat.", 0.5, d);
            selection.forDay(d, NOW);
        }
        saveText("t", "Show T", "Tidal turbines now run for twenty years, which means the cost per hour keeps falling.", 0.9, "2026-11-30");
        int before = table.reads();
        selection.forDay("2026-11-30", NOW);
        // two days of candidates, the day's own edition, the thirty days before: four round trips
        assertEquals(4, table.reads() - before);
    }

    @Test
    void aPreviewOfAPastDayStillSeesTheThirtyDaysBeforeIt() {
        saveText("old", "Show X", BATTERY, 1.0, "2026-10-20");
        assertEquals(List.of("id-old-1"), ids(selection.forDay("2026-10-20", NOW)));
        for (int d = 21; d <= 30; d++) {
            saveText("n" + d, "Show N" + d, "Tidal turbines in bay " + d + " now run for twenty years, so costs keep falling.", 0.5,
                    "2026-11-" + d);
            selection.forDay("2026-11-" + d, NOW);
        }
        saveText("x", "Show Y", BATTERY_AGAIN, 1.0, "2026-11-10");
        assertFalse(ids(selection.preview("2026-11-10", NOW).five()).contains("id-x-1"), "21 days after: a repeat");
    }
}
