package com.podcastinsights.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Choosing the day's few from many candidates: near-duplicates merged into themes, themes several shows raise
 * ranked higher, passages in words the rest of the day's episodes also use ranked lower (specificity), then
 * MMR so the five say different things, with a cap per episode. Pure and deterministic, so a replay of the
 * same candidates chooses the same themes.
 *
 * <p>Near-duplicates are found with exact Jaccard similarity of word 3-shingles, not MinHash: a day has at most
 * about a hundred candidates of ~60 words, so all pairs are ~5,000 comparisons of sets of ~60 shingles, well
 * under a millisecond. MinHash only pays when the pairs are too many to compare; here it would add estimation
 * error for nothing.
 */
public final class DaySelection {
    /** Shingle Jaccard at or above which two passages are the same point in (nearly) the same words. */
    static final double DUPLICATE = 0.6;
    /** MMR trade-off: 1 is pure relevance, 0 pure novelty. */
    static final double LAMBDA = 0.7;
    /** Each further show that raised a theme adds this share of the theme's best score ... */
    static final double SHOW_BOOST = 0.25;
    /** ... for at most this many further shows, so a widely syndicated clip cannot swamp the day. */
    static final int MAX_BOOSTED_SHOWS = 3;
    /**
     * The most specificity takes off: a passage made only of terms every other episode of the day also uses
     * ("people", "podcast", "this week") keeps 1 - this of its score; one in words only its own episode uses
     * keeps all of it. Episode scores cannot see this: it needs the whole day.
     */
    static final double SPECIFICITY_WEIGHT = 0.3;
    /**
     * Specificity needs this many other episodes on the day: document frequencies over two or three episodes
     * cannot tell a generic word from a topic two shows happen to share, and the shared topic is what the
     * show boost rewards.
     */
    static final int MIN_OTHER_EPISODES = 4;
    private static final int SHINGLE = 3;

    private DaySelection() {
    }

    /**
     * A point made once or more: its best passage (the one shown), every insight that made it, best first,
     * and the score it competes with.
     */
    public record Theme(Insight best, List<Insight> members, double score) {
        /** Every show that raised the theme, the best passage's first, each once. */
        public List<String> shows() {
            Set<String> keys = new HashSet<>();
            List<String> out = new ArrayList<>();
            for (Insight i : members) {
                String title = i.podcastTitle() == null ? "" : i.podcastTitle().trim();
                if (!title.isEmpty() && keys.add(title.toLowerCase(Locale.ROOT))) out.add(title);
            }
            return List.copyOf(out);
        }

        /** The shows besides the one of the best passage. */
        public List<String> otherShows() {
            List<String> all = shows();
            return all.isEmpty() ? all : all.subList(1, all.size());
        }
    }

    /**
     * Merges near-duplicates of {@code ranked} (best first) into themes. An insight joins the first theme with
     * a member it nearly duplicates (single link, in rank order), else starts its own. The theme score is
     * {@code best.score * (1 + SHOW_BOOST * min(shows - 1, MAX_BOOSTED_SHOWS))}, shows counted by podcast title
     * (case-insensitive; an untitled show adds none), so a theme raised by three shows counts 1.5 times its best passage.
     * The best passage's score is first multiplied by its {@link #specificity}.
     * Themes come back by that score, best first (ties: rank of the best passage).
     */
    public static List<Theme> themes(List<Insight> ranked) {
        Map<String, Set<String>> termsByEpisode = new HashMap<>();
        for (Insight i : ranked) termsByEpisode.computeIfAbsent(i.episodeId(), k -> new HashSet<>()).addAll(Words.terms(text(i)));
        List<List<Insight>> groups = new ArrayList<>();
        List<List<Set<String>>> shingles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Insight i : ranked) {
            if (!seen.add(i.id())) continue;
            Set<String> s = shingles(i.text());
            int found = -1;
            for (int g = 0; g < groups.size() && found < 0; g++) {
                for (Set<String> other : shingles.get(g)) {
                    if (jaccard(s, other) >= DUPLICATE) {
                        found = g;
                        break;
                    }
                }
            }
            if (found < 0) {
                groups.add(new ArrayList<>());
                shingles.add(new ArrayList<>());
                found = groups.size() - 1;
            }
            groups.get(found).add(i);
            shingles.get(found).add(s);
        }
        List<Theme> out = new ArrayList<>();
        for (List<Insight> g : groups) {
            Theme plain = new Theme(g.get(0), List.copyOf(g), 0);
            Set<String> own = new HashSet<>();
            for (Insight m : g) own.add(m.episodeId());
            double specific = plain.best().score() * specificity(plain.best(), own, termsByEpisode);
            out.add(new Theme(plain.best(), plain.members(), boosted(specific, plain.otherShows().size())));
        }
        // stable sort: equal scores keep the rank order of their best passages
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /**
     * Up to {@code size} themes by maximal marginal relevance: each step takes the theme with the highest
     * {@code LAMBDA * score / topScore - (1 - LAMBDA) * max similarity to those taken}, similarity being the
     * Jaccard of content words, skipping themes whose best passage's episode already has {@code maxPerEpisode}.
     * The result is in the order taken.
     */
    public static List<Theme> select(List<Theme> themes, int size, int maxPerEpisode) {
        List<Theme> out = new ArrayList<>();
        if (themes.isEmpty() || size <= 0) return out;
        double top = themes.stream().mapToDouble(Theme::score).max().orElse(1);
        if (top <= 0) top = 1;
        List<Set<String>> terms = themes.stream().map(t -> Set.copyOf(Words.terms(t.best().text()))).toList();
        List<Integer> taken = new ArrayList<>();
        Map<String, Integer> perEpisode = new HashMap<>();
        boolean[] used = new boolean[themes.size()];
        while (out.size() < size) {
            int bestIndex = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < themes.size(); c++) {
                if (used[c]) continue;
                if (perEpisode.getOrDefault(themes.get(c).best().episodeId(), 0) >= maxPerEpisode) continue;
                double redundancy = 0;
                for (int t : taken) redundancy = Math.max(redundancy, jaccard(terms.get(c), terms.get(t)));
                double value = LAMBDA * themes.get(c).score() / top - (1 - LAMBDA) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    bestIndex = c;
                }
            }
            if (bestIndex < 0) break;
            used[bestIndex] = true;
            taken.add(bestIndex);
            Theme t = themes.get(bestIndex);
            perEpisode.merge(t.best().episodeId(), 1, Integer::sum);
            out.add(t);
        }
        return out;
    }

    /**
     * IDF against the day's other episodes, as a factor in {@code [1 - SPECIFICITY_WEIGHT, 1]}: one minus the
     * weight times the passage's generality, the mean over its distinct terms of
     * {@code ln(1 + df) / ln(1 + n)}, where {@code n} is the number of the day's episodes outside
     * {@code ownEpisodes} and {@code df} how many of them use the term. The theme's own episodes are left out,
     * so that a point several shows make is not marked down for being shared. 1 when there are fewer than
     * {@link #MIN_OTHER_EPISODES} other episodes or the passage has no content terms.
     */
    static double specificity(Insight insight, Set<String> ownEpisodes, Map<String, Set<String>> termsByEpisode) {
        List<Set<String>> others = new ArrayList<>();
        for (var e : termsByEpisode.entrySet()) if (!ownEpisodes.contains(e.getKey())) others.add(e.getValue());
        Set<String> terms = new HashSet<>(Words.terms(text(insight)));
        if (others.size() < MIN_OTHER_EPISODES || terms.isEmpty()) return 1;
        double norm = Math.log(1 + others.size());
        double generality = 0;
        for (String t : terms) {
            int df = 0;
            for (Set<String> o : others) if (o.contains(t)) df++;
            generality += Math.log(1 + df) / norm;
        }
        return 1 - SPECIFICITY_WEIGHT * generality / terms.size();
    }

    private static String text(Insight i) {
        return i.text() == null ? "" : i.text();
    }

    /** True when {@code text} nearly duplicates one of {@code earlier} (texts already sent, for example). */
    public static boolean duplicatesAny(String text, Collection<String> earlier) {
        Set<String> s = shingles(text);
        for (String e : earlier) if (jaccard(s, shingles(e)) >= DUPLICATE) return true;
        return false;
    }

    static boolean nearDuplicate(String a, String b) {
        return jaccard(shingles(a), shingles(b)) >= DUPLICATE;
    }

    /** Word 3-shingles of the normalized text (lower case, punctuation dropped); a shorter text is one shingle. */
    static Set<String> shingles(String text) {
        List<String> words = Words.tokens(text == null ? "" : text);
        Set<String> out = new HashSet<>();
        if (words.size() < SHINGLE) {
            if (!words.isEmpty()) out.add(String.join(" ", words));
            return out;
        }
        for (int i = 0; i + SHINGLE <= words.size(); i++) out.add(String.join(" ", words.subList(i, i + SHINGLE)));
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 0;
        int common = 0;
        for (String s : a.size() <= b.size() ? a : b) if ((a.size() <= b.size() ? b : a).contains(s)) common++;
        return (double) common / (a.size() + b.size() - common);
    }

    /**
     * The least score an insight needs to reach a reader. On a thin day the digest carries fewer than five and
     * says so, rather than filling the mail with weak picks: a passage this low is a fragment, a list or small
     * talk that only got through because nothing better was said.
     */
    public static final double QUALITY_FLOOR = 0.3;
    /** The languages the digest is written for; an insight in another language is not sent. */
    public static final List<String> READER_LANGUAGES = List.of("en");

    /** Scores at least the floor. */
    public static boolean worthSending(Insight i) {
        return i.score() >= QUALITY_FLOOR;
    }

    /** In a language readers read; an insight of unknown language (stored before languages were) is given the benefit. */
    public static boolean readable(Insight i) {
        return i.language() == null || READER_LANGUAGES.contains(com.podcastinsights.transcript.Languages.primary(i.language()));
    }

    /** A theme's score: its best passage's, raised by {@link #SHOW_BOOST} per further show, for at most {@link #MAX_BOOSTED_SHOWS}. */
    public static double boosted(double score, int otherShows) {
        return score * (1 + SHOW_BOOST * Math.min(Math.max(otherShows, 0), MAX_BOOSTED_SHOWS));
    }
}
