package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;
import com.podcastinsights.port.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The day's edition: the best insights across all episodes, with a cap per episode so that one talkative
 * episode cannot fill the whole email.
 *
 * <p>Candidates come from the day and the day before, minus what the day before's edition already carried.
 * Insights are filed under the day their episode was discovered, and feeds are fetched all day long, so an
 * episode found after yesterday's send would otherwise never reach anyone.
 *
 * <p>The first selection of a day is stored as an Edition item (a conditional put). Every later selection of
 * that day, a replayed or retried schedule, returns the stored one: subscribers of the same day get the same
 * five insights even when new ones arrived in between.
 */
public final class DailySelection {
    /** How many of a day's best to consider; enough that the per-episode cap still leaves a full digest. */
    static final int CANDIDATES = 50;
    private final InsightRepository insights;
    private final Table table;
    private final Settings settings;

    public DailySelection(InsightRepository insights, Table table, Settings settings) {
        this.insights = insights;
        this.table = table;
        this.settings = settings;
    }

    /**
     * The day's five and the pool they were chosen from (the fresh candidates, best first), from which
     * {@link Personalizer} picks each subscriber's own five. Both are fixed at first selection.
     */
    public record Edition(String day, List<Insight> five, List<Insight> pool) {
    }

    public List<Insight> forDay(String day, Instant now) {
        return edition(day, now).five();
    }

    public Edition edition(String day, Instant now) {
        return edition(day, now, true);
    }

    /** What the day's edition is or would be, without fixing it: for previews, which must not change the send. */
    public Edition preview(String day, Instant now) {
        return edition(day, now, false);
    }

    private Edition edition(String day, Instant now, boolean store) {
        String previous = LocalDate.parse(day).minusDays(1).toString();
        List<Insight> candidates = Stream.concat(
                        insights.topForDay(day, CANDIDATES).stream(),
                        insights.topForDay(previous, CANDIDATES).stream())
                .sorted(Comparator.comparingDouble(Insight::score).reversed())
                .toList();
        Optional<Item> stored = table.get(Keys.editionPk(day), Keys.EDITION_SK);
        if (stored.isPresent()) return fromItem(day, candidates, stored.get());

        Set<String> alreadySent = new HashSet<>(editionIds(previous) == null ? List.of() : editionIds(previous));
        List<Insight> fresh = candidates.stream().filter(i -> !alreadySent.contains(i.id())).toList();
        List<Insight> picked = pick(fresh, settings.digestSize(), settings.maxPerEpisodeInDigest());
        if (picked.isEmpty()) return new Edition(day, picked, picked);
        List<String> ids = picked.stream().map(Insight::id).toList();
        List<Insight> pool = fresh.stream().limit(CANDIDATES).toList();
        if (!store) return new Edition(day, picked, pool);
        boolean first = table.putIfAbsent(Item.of(Keys.editionPk(day), Keys.EDITION_SK)
                .with("type", "Edition").with("day", day).with("insightIds", ids)
                .with("candidateIds", pool.stream().map(Insight::id).distinct().toList())
                .with("createdAt", now.toString()).build());
        // lost a race with a concurrent run of the same day: use the edition that run stored
        return first ? new Edition(day, picked, pool)
                : fromItem(day, candidates, table.get(Keys.editionPk(day), Keys.EDITION_SK).orElseThrow());
    }

    private static Edition fromItem(String day, List<Insight> candidates, Item item) {
        List<Insight> five = inOrder(candidates, item.strings("insightIds"));
        List<String> poolIds = item.strings("candidateIds");
        return new Edition(day, five, poolIds.isEmpty() ? five : inOrder(candidates, poolIds));
    }

    private List<String> editionIds(String day) {
        return table.get(Keys.editionPk(day), Keys.EDITION_SK).map(i -> i.strings("insightIds")).orElse(null);
    }

    private static List<Insight> inOrder(List<Insight> candidates, List<String> ids) {
        Map<String, Insight> byId = new HashMap<>();
        for (Insight i : candidates) byId.putIfAbsent(i.id(), i);
        return ids.stream().map(byId::get).filter(i -> i != null).toList();
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
