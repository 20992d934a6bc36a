package com.podcastinsights.insight;

import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;

import java.util.List;

/**
 * An episode's insights, one item per rank in the episode's partition, indexed by day and score.
 *
 * <p>Keys are derived from the episode and the rank only, so saving the same extraction again (a replayed
 * {@code Transcript Stored}) overwrites the same items and never adds any. The day comes with each insight: ExtractionService
 * files it under its episode's digest day.
 */
public final class InsightRepository {
    private static final String SK_PREFIX = "INSIGHT#";
    private final Table table;

    public InsightRepository(Table table) {
        this.table = table;
    }

    /**
     * Writes the episode's insights and removes ranks a previous save had beyond them, so the partition holds
     * exactly this extraction however often it is saved.
     */
    public void save(String episodeId, List<ExtractedInsight> insights, String createdAt) {
        for (ExtractedInsight e : insights) {
            table.put(toItem(e, createdAt));
        }
        for (Item old : table.query(Keys.insightPk(episodeId), SK_PREFIX)) {
            boolean current = insights.stream().anyMatch(e -> Keys.insightSk(e.rank()).equals(old.sk()));
            if (!current) table.delete(old.pk(), old.sk());
        }
    }

    public List<Insight> forEpisode(String episodeId) {
        return table.query(Keys.insightPk(episodeId), SK_PREFIX).stream().map(InsightRepository::fromItem).toList();
    }

    /** The day's insights, best first. */
    public List<Insight> topForDay(String day, int limit) {
        return table.queryIndex(Keys.dayIndex(day), true, limit).stream()
                .filter(i -> "Insight".equals(i.string("type")))
                .map(InsightRepository::fromItem).toList();
    }

    static Item toItem(ExtractedInsight e, String createdAt) {
        Insight i = e.insight();
        return Item.of(Keys.insightPk(i.episodeId()), Keys.insightSk(e.rank()))
                .index(Keys.dayIndex(i.day()), Keys.scoreSortKey(i.score(), i.episodeId(), e.rank()))
                .with("type", "Insight")
                .with("insightId", i.id())
                .with("feedId", i.feedId())
                .with("episodeId", i.episodeId())
                .with("podcastTitle", i.podcastTitle())
                .with("episodeTitle", i.episodeTitle())
                .with("text", i.text())
                .with("sourceText", e.sourceText())
                .with("score", i.score())
                .with("startSeconds", i.startSeconds())
                .with("speaker", i.speaker())
                .with("link", i.link())
                .with("episodeUrl", i.episodeUrl())
                .with("day", i.day())
                .with("source", i.source())
                .with("language", i.language())
                .with("rank", (long) e.rank())
                .with("createdAt", createdAt)
                .build();
    }

    static Insight fromItem(Item i) {
        return new Insight(i.string("insightId"), i.string("feedId"), i.string("episodeId"),
                i.string("podcastTitle"), i.string("episodeTitle"), i.string("text"), i.decimal("score", 0),
                i.decimal("startSeconds", 0), i.string("speaker"), i.string("link"), i.string("episodeUrl"),
                i.string("day"), i.string("source"), i.string("language"));
    }
}
