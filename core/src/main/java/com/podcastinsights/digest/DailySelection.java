package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.DaySelection;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;

import java.time.Duration;
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
 * episode cannot fill the whole email. Near-duplicates are merged into themes (a theme several shows raised
 * ranks higher and names them all) and the five are chosen by MMR ({@link DaySelection}).
 *
 * <p>Candidates come from the day and the day before, minus what the editions of the last
 * {@link #NO_REPEAT_DAYS} days carried and near-duplicates of those texts (read in one Query of the EDITIONS index).
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
    /** Nothing an edition of this many days before carried (or a near-duplicate of it) is chosen again. */
    static final int NO_REPEAT_DAYS = 30;
    /**
     * Editions expire (table TTL {@code ttl}) this long after they were chosen: well past the {@link
     * #NO_REPEAT_DAYS} window later days read them for, and past the event archive's 30 days of replays.
     */
    static final Duration RETENTION = Duration.ofDays(90);
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
    public record Edition(String day, List<Insight> five, List<Insight> pool, Map<String, List<String>> alsoOn,
                          Map<String, Double> scores) {
        public Edition(String day, List<Insight> five, List<Insight> pool) {
            this(day, five, pool, Map.of());
        }

        public Edition(String day, List<Insight> five, List<Insight> pool, Map<String, List<String>> alsoOn) {
            this(day, five, pool, alsoOn, Map.of());
        }

        /** The other shows that raised the theme {@code i} stands for (empty when only its own show did). */
        public List<String> alsoOn(Insight i) {
            return alsoOn.getOrDefault(i.id(), List.of());
        }

        /**
         * What {@code i} competes with: its theme's score as the selection computed it (specificity and the
         * further shows that raised it applied); for editions stored before theme scores were, the score
         * boosted by those shows.
         */
        public double score(Insight i) {
            Double stored = scores.get(i.id());
            return stored != null ? stored : DaySelection.boosted(i.score(), alsoOn(i).size());
        }
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

        Set<String> sentIds = new HashSet<>();
        List<String> sentTexts = new ArrayList<>();
        for (Item e : editionsBefore(day, now)) {
            sentIds.addAll(e.strings("insightIds"));
            sentTexts.addAll(e.strings("texts"));
        }
        List<Insight> fresh = candidates.stream()
                .filter(i -> !sentIds.contains(i.id()) && !DaySelection.duplicatesAny(i.text(), sentTexts)).toList();
        // the floor applies to a theme's best passage, not before theming: a weak passage that makes the same
        // point as a strong one from another show still counts as that show raising it
        List<DaySelection.Theme> themes = DaySelection.themes(fresh).stream()
                .filter(t -> DaySelection.worthSending(t.best())).toList();
        // the edition's own five are for readers of the default languages; the pool keeps every language, so a
        // reader of others gets theirs through the Personalizer
        List<DaySelection.Theme> forDefaultReaders = themes.stream().filter(t -> DaySelection.readable(t.best())).toList();
        List<Insight> picked = DaySelection.select(forDefaultReaders, settings.digestSize(), settings.maxPerEpisodeInDigest())
                .stream().map(DaySelection.Theme::best).toList();
        if (picked.isEmpty()) return new Edition(day, picked, picked);
        List<String> ids = picked.stream().map(Insight::id).toList();
        List<DaySelection.Theme> poolThemes = themes.stream().limit(CANDIDATES).toList();
        List<Insight> pool = poolThemes.stream().map(DaySelection.Theme::best).toList();
        Map<String, List<String>> alsoOn = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (DaySelection.Theme t : poolThemes) {
            if (!t.otherShows().isEmpty()) alsoOn.put(t.best().id(), t.otherShows());
            scores.putIfAbsent(t.best().id(), t.score());
        }
        if (!store) return new Edition(day, picked, pool, alsoOn, scores);
        boolean first = table.putIfAbsent(Item.of(Keys.editionPk(day), Keys.EDITION_SK)
                .index(Keys.EDITIONS_INDEX, day)
                .with("type", "Edition").with("day", day).with("insightIds", ids)
                .with("insightEpisodes", picked.stream().map(Insight::episodeId).toList())
                .with("texts", picked.stream().map(i -> i.text() == null ? "" : i.text()).toList())
                .with("candidateIds", poolIds(pool))
                .with("candidateEpisodes", poolEpisodes(pool))
                .with("alsoOn", encode(alsoOn, pool))
                .with("themeScores", encodeScores(scores, pool))
                .with("createdAt", now.toString())
                .with("ttl", now.plus(RETENTION).getEpochSecond()).build());
        // lost a race with a concurrent run of the same day: use the edition that run stored
        return first ? new Edition(day, picked, pool, alsoOn, scores)
                : fromItem(day, candidates, table.get(Keys.editionPk(day), Keys.EDITION_SK).orElseThrow());
    }

    /**
     * The edition fixed for {@code day}, if one was: its five (read by key, as at the send) and who else raised
     * each. For the archive, which shows what was sent and never chooses anything.
     */
    public Optional<Edition> stored(String day) {
        Optional<Item> item = table.get(Keys.editionPk(day), Keys.EDITION_SK);
        if (item.isEmpty()) return Optional.empty();
        Map<String, Insight> known = new HashMap<>();
        List<String> ids = item.get().strings("insightIds");
        loadByKey(known, ids, item.get().strings("insightEpisodes"), true);
        List<Insight> five = inOrder(known, ids);
        return Optional.of(new Edition(day, five, five, decode(item.get().strings("alsoOn"))));
    }

    /** The days of the newest {@code limit} stored editions, newest first (editions expire after {@link #RETENTION}). */
    public List<String> storedDays(int limit) {
        return table.queryIndex(Keys.EDITIONS_INDEX, true, limit).stream().map(i -> i.string("day"))
                .filter(d -> d != null).toList();
    }

    /**
     * The editions of the {@link #NO_REPEAT_DAYS} days before {@code day}, in one Query of the EDITIONS index
     * (newest first) rather than a GetItem per day: the send runs every hour, and each round trip adds to its
     * first invocation. Editions of days after {@code day} (a preview of a past day) come first in that order,
     * so the limit makes room for them.
     */
    private List<Item> editionsBefore(String day, Instant now) {
        LocalDate d = LocalDate.parse(day);
        long later = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(d, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)) + 1);
        String from = d.minusDays(NO_REPEAT_DAYS).toString();
        return table.queryIndex(Keys.EDITIONS_INDEX, true, (int) Math.min(Integer.MAX_VALUE, NO_REPEAT_DAYS + later + 1)).stream()
                .filter(e -> {
                    String at = e.string("day");
                    return at != null && at.compareTo(from) >= 0 && at.compareTo(day) < 0;
                }).toList();
    }

    /**
     * The stored edition. Its insights are loaded by key (their episode's partition), not looked for among the
     * day's current best: later, better episodes push the stored five out of the top {@link #CANDIDATES}, and a
     * reader mailed later in the day must still get them. Editions stored before the episodes were kept fall back to
     * the candidates.
     */
    private Edition fromItem(String day, List<Insight> candidates, Item item) {
        Map<String, Insight> known = new HashMap<>();
        for (Insight i : candidates) known.putIfAbsent(i.id(), i);
        List<String> fiveIds = item.strings("insightIds");
        loadByKey(known, fiveIds, item.strings("insightEpisodes"), true);
        List<Insight> five = inOrder(known, fiveIds);
        List<String> poolIds = item.strings("candidateIds");
        loadByKey(known, poolIds, item.strings("candidateEpisodes"), false);
        return new Edition(day, five, poolIds.isEmpty() ? five : inOrder(known, poolIds), decode(item.strings("alsoOn")),
                decodeScores(item.strings("themeScores")));
    }

    /**
     * Adds to {@code known} the insights of {@code ids} read from their episodes' partitions ({@code episodes} holds
     * each id's episode, in the same order), one Query per episode. {@code always}: read even those already known,
     * so the stored five are what their items say now; otherwise only the missing ones are read.
     */
    private void loadByKey(Map<String, Insight> known, List<String> ids, List<String> episodes, boolean always) {
        if (episodes.size() != ids.size()) return;
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (always || !known.containsKey(ids.get(i))) wanted.add(episodes.get(i));
        }
        for (String episode : wanted) {
            for (Insight i : insights.forEpisode(episode)) known.put(i.id(), i);
        }
    }

    /** The pool's ids, each once, and their episodes in the same order. */
    private static List<String> poolIds(List<Insight> pool) {
        return pool.stream().map(Insight::id).distinct().toList();
    }

    private static List<String> poolEpisodes(List<Insight> pool) {
        Map<String, String> episodeOf = new HashMap<>();
        for (Insight i : pool) episodeOf.putIfAbsent(i.id(), i.episodeId());
        return poolIds(pool).stream().map(episodeOf::get).toList();
    }

    /** One string per pool insight: its id, a tab, the score its theme competed with. */
    static List<String> encodeScores(Map<String, Double> scores, List<Insight> order) {
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Insight i : order) {
            Double s = scores.get(i.id());
            if (s != null && done.add(i.id())) out.add(i.id() + "\t" + s);
        }
        return out;
    }

    static Map<String, Double> decodeScores(List<String> entries) {
        Map<String, Double> out = new HashMap<>();
        for (String e : entries) {
            int tab = e.indexOf('\t');
            if (tab <= 0) continue;
            try {
                out.put(e.substring(0, tab), Double.parseDouble(e.substring(tab + 1)));
            } catch (NumberFormatException ignored) {
                // a damaged entry: that insight competes with its plain score instead
            }
        }
        return out;
    }

    /**
     * One string per insight whose theme other shows raised too: its id, then those shows, tab-separated. Show
     * titles are feed text; control characters (tabs among them) become spaces so they cannot split an entry.
     */
    static List<String> encode(Map<String, List<String>> alsoOn, List<Insight> order) {
        List<String> out = new ArrayList<>();
        for (Insight i : order) {
            List<String> shows = alsoOn.get(i.id());
            if (shows == null || shows.isEmpty()) continue;
            StringBuilder b = new StringBuilder(i.id());
            for (String show : shows) b.append('\t').append(MailText.plain(show));
            out.add(b.toString());
        }
        return out;
    }

    static Map<String, List<String>> decode(List<String> entries) {
        Map<String, List<String>> out = new HashMap<>();
        for (String e : entries) {
            String[] parts = e.split("\t");
            if (parts.length > 1) out.put(parts[0], List.of(parts).subList(1, parts.length));
        }
        return out;
    }

    private static List<Insight> inOrder(Map<String, Insight> byId, List<String> ids) {
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
