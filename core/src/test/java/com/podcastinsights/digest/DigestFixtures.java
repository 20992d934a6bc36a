package com.podcastinsights.digest;

import com.podcastinsights.insight.ExtractedInsight;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Table;

import java.util.ArrayList;
import java.util.List;

/** Insights of several episodes for one day, as extraction would have stored them. */
public final class DigestFixtures {
    private DigestFixtures() {
    }

    public static Insight insight(String episodeId, int rank, double score, String day) {
        return new Insight("id-" + episodeId + "-" + rank, "feed-" + episodeId, episodeId, "Podcast " + episodeId,
                "Episode " + episodeId, text(episodeId, rank),
                score, 60.0 * rank + 14, "Guest", "https://cdn.example/" + episodeId + ".mp3#t=" + (60 * rank + 14),
                "https://example.com/" + episodeId, day);
    }

    /**
     * Distinct points, not near-duplicates of each other, that share all content words but one (the marker), so
     * every pair is equally similar and diversity (MMR) leaves the order to the scores.
     */
    public static String text(String episodeId, int rank) {
        String marker = "k" + episodeId + rank;
        return "Insight " + rank + " of " + episodeId + ": " + marker + " holds as study " + marker + " shows, so "
                + marker + " matters.";
    }

    /** Three episodes with three insights each; episode "a" has the three best of the day. */
    public static List<Insight> seedDay(Table table, String day) {
        InsightRepository repo = new InsightRepository(table);
        List<Insight> all = new ArrayList<>();
        double[][] scores = {{0.99, 0.98, 0.97}, {0.80, 0.60, 0.40}, {0.70, 0.50, 0.30}};
        String[] episodes = {"a", "b", "c"};
        for (int e = 0; e < episodes.length; e++) {
            List<ExtractedInsight> found = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                Insight i = insight(episodes[e], r, scores[e][r - 1], day);
                found.add(new ExtractedInsight(r, i, i.text()));
                all.add(i);
            }
            repo.save(episodes[e], found, "2026-11-30T06:00:00Z");
        }
        return all;
    }
}
