package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.insight.fakes.InMemoryTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailySelectionTest {
    @Test
    void topFiveWithAtMostTwoPerEpisode() {
        InMemoryTable table = new InMemoryTable();
        DigestFixtures.seedDay(table, "2026-11-30");
        new InsightRepository(table).save("z", List.of(new com.podcastinsights.insight.ExtractedInsight(1,
                DigestFixtures.insight("z", 1, 1.0, "2026-11-29"), "yesterday")), "2026-11-29T06:00:00Z");
        List<Insight> picked = new DailySelection(new InsightRepository(table), Settings.defaults()).forDay("2026-11-30");
        assertEquals(List.of("id-a-1", "id-a-2", "id-b-1", "id-c-1", "id-b-2"), picked.stream().map(Insight::id).toList());
        assertTrue(picked.stream().allMatch(i -> i.day().equals("2026-11-30")));
    }

    @Test
    void fewerThanFiveWhenTheCapLeavesFewer() {
        List<Insight> ranked = List.of(DigestFixtures.insight("a", 1, 0.9, "d"), DigestFixtures.insight("a", 2, 0.8, "d"),
                DigestFixtures.insight("a", 3, 0.7, "d"));
        assertEquals(2, DailySelection.pick(ranked, 5, 2).size());
    }

    @Test
    void anEmptyDaySelectsNothing() {
        assertTrue(new DailySelection(new InsightRepository(new InMemoryTable()), Settings.defaults()).forDay("2026-11-30").isEmpty());
    }
}
