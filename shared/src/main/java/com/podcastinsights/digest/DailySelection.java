package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The day's digest: the best insights across all episodes, with a cap per episode so that one talkative
 * episode cannot fill the whole email.
 */
public final class DailySelection {
    /** How many of the day's best to consider; enough that the per-episode cap still leaves a full digest. */
    static final int CANDIDATES = 50;
    private final InsightRepository insights;
    private final Settings settings;

    public DailySelection(InsightRepository insights, Settings settings) {
        this.insights = insights;
        this.settings = settings;
    }

    public List<Insight> forDay(String day) {
        return pick(insights.topForDay(day, CANDIDATES), settings.digestSize(), settings.maxPerEpisodeInDigest());
    }

    /** {@code ranked} is best first; the result keeps that order. */
    static List<Insight> pick(List<Insight> ranked, int size, int maxPerEpisode) {
        List<Insight> out = new ArrayList<>();
        Map<String, Integer> perEpisode = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Insight i : ranked) {
            if (out.size() >= size) break;
            if (!seen.add(i.id())) continue;
            int n = perEpisode.merge(i.episodeId(), 1, Integer::sum);
            if (n > maxPerEpisode) continue;
            out.add(i);
        }
        return out;
    }
}
