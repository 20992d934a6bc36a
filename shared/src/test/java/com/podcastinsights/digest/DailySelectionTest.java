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

    private void save(String episode, double score, String day) {
        Insight i = DigestFixtures.insight(episode, 1, score, day);
        repo.save(episode, List.of(new ExtractedInsight(1, i, i.text())), day + "T06:00:00Z");
    }

    private static List<String> ids(List<Insight> insights) {
        return insights.stream().map(Insight::id).toList();
    }
}
