package com.podcastinsights.insight;

import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InsightRepositoryTest {
    private final InMemoryTable table = new InMemoryTable();
    private final InsightRepository repo = new InsightRepository(table);

    static ExtractedInsight insight(String episodeId, int rank, double score, String day) {
        return new ExtractedInsight(rank, new Insight("id-" + episodeId + "-" + rank, "feed", episodeId, "Podcast",
                "Episode", "Text " + rank, score, 12.5 * rank, "Guest", "https://cdn.example/a.mp3#t=12",
                "https://example.com/ep", day), "source text " + rank);
    }

    @Test
    void savingTheSameExtractionTwiceLeavesTheSameItems() {
        List<ExtractedInsight> found = List.of(insight("ep1", 1, 0.9, "2026-11-30"), insight("ep1", 2, 0.7, "2026-11-30"));
        repo.save("ep1", found, "2026-11-30T06:00:00Z");
        List<Item> first = table.ofType("Insight");
        repo.save("ep1", found, "2026-11-30T06:00:00Z");
        assertEquals(2, table.ofType("Insight").size());
        assertEquals(first, table.ofType("Insight"));
        Item item = table.get(Keys.insightPk("ep1"), Keys.insightSk(1)).orElseThrow();
        assertEquals(Keys.dayIndex("2026-11-30"), item.string(Item.GSI1PK));
        assertEquals(Keys.scoreSortKey(0.9, "ep1", 1), item.string(Item.GSI1SK));
        assertEquals("source text 1", item.string("sourceText"));
        assertEquals("Insight", item.string("type"));
    }

    @Test
    void aSmallerExtractionRemovesTheRanksItNoLongerHas() {
        repo.save("ep1", List.of(insight("ep1", 1, 0.9, "d"), insight("ep1", 2, 0.7, "d")), "t");
        repo.save("ep1", List.of(insight("ep1", 1, 0.9, "d")), "t");
        assertEquals(1, repo.forEpisode("ep1").size());
    }

    @Test
    void topForDayIsBestFirstAndOnlyThatDay() {
        repo.save("ep1", List.of(insight("ep1", 1, 0.5, "2026-11-30")), "t");
        repo.save("ep2", List.of(insight("ep2", 1, 0.8, "2026-11-30"), insight("ep2", 2, 0.2, "2026-11-30")), "t");
        repo.save("ep3", List.of(insight("ep3", 1, 0.99, "2026-11-29")), "t");
        List<Insight> top = repo.topForDay("2026-11-30", 10);
        assertEquals(List.of(0.8, 0.5, 0.2), top.stream().map(Insight::score).toList());
        assertEquals(2, repo.topForDay("2026-11-30", 2).size());
    }
}
