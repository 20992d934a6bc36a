package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One subscriber's five from the day's edition: the same ranking, with their topics weighting insights up and
 * their muted shows and the languages they do not read left out. Pure and deterministic, so a replay picks the same five. A subscriber with no
 * preferences gets the edition's own five, exactly.
 */
public final class Personalizer {
    /** Each matching topic multiplies the score by 1 + this, for at most {@link #MAX_MATCHES} topics. */
    static final double TOPIC_BOOST = 0.5;
    static final int MAX_MATCHES = 2;
    /** Of {@link #showKey}: "&" and "+" read as "and"; any other run of punctuation or space is one space. */
    private static final Pattern AND = Pattern.compile("\\s*[&+]\\s*");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private final int size;
    private final int maxPerEpisode;

    public Personalizer(int size, int maxPerEpisode) {
        this.size = size;
        this.maxPerEpisode = maxPerEpisode;
    }

    public List<Insight> choose(DailySelection.Edition edition, Subscriber s) {
        if (!s.personalized()) return edition.five();
        Set<String> muted = showKeys(s.mutedShows());
        List<Pattern> topics = patterns(s.topics());
        record Weighted(Insight insight, double weight, int rank) {
        }
        List<Weighted> ranked = new ArrayList<>();
        int rank = 0;
        for (Insight i : edition.pool()) {
            rank++;
            if (isMuted(i, muted) || !s.reads(i.language())) continue;
            // feedback scales each matching topic's boost and the show's score; without feedback every weight is 1
            double boost = matching(s.topics(), topics, i).stream().map(t -> s.weights().topic(t))
                    .sorted(Comparator.reverseOrder()).limit(MAX_MATCHES).mapToDouble(Double::doubleValue).sum();
            ranked.add(new Weighted(i, edition.score(i) * (1 + TOPIC_BOOST * boost) * s.weights().show(i.podcastTitle()), rank));
        }
        ranked.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparingInt(Weighted::rank));
        return DailySelection.pick(ranked.stream().map(Weighted::insight).toList(), size, maxPerEpisode);
    }

    /** The reader's topics that {@code i} is about: a whole word of its text, episode or podcast title. */
    public static List<String> matchingTopics(Subscriber s, Insight i) {
        return matching(s.topics(), patterns(s.topics()), i);
    }

    private static List<Pattern> patterns(List<String> topics) {
        return topics.stream()
                .map(t -> Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}])")).toList();
    }

    private static List<String> matching(List<String> topics, List<Pattern> patterns, Insight i) {
        String haystack = i.text() + "\n" + i.episodeTitle() + "\n" + i.podcastTitle();
        List<String> out = new ArrayList<>();
        for (int n = 0; n < topics.size(); n++) if (patterns.get(n).matcher(haystack).find()) out.add(topics.get(n));
        return out;
    }

    /** The keys of a reader's muted shows, worked out once per reader rather than once per insight. */
    private static Set<String> showKeys(List<String> muted) {
        Set<String> keys = new HashSet<>();
        for (String m : muted) {
            String k = showKey(m);
            if (!k.isEmpty()) keys.add(k);
        }
        return keys;
    }

    /** {@link #mutes} for every muted show at once. */
    private static boolean isMuted(Insight i, Set<String> mutedKeys) {
        return !mutedKeys.isEmpty()
                && (mutedKeys.contains(showKey(i.podcastTitle())) || mutedKeys.contains(showKey(i.feedId())));
    }

    /**
     * Whether a reader's muted show names this feed: its id, or its title as people write it ("Grid & Ground"
     * mutes "Grid and Ground"): case, "&" or "and", punctuation and spacing do not matter.
     */
    public static boolean mutes(String muted, String podcastTitle, String feedId) {
        String m = showKey(muted);
        return !m.isEmpty() && (m.equals(showKey(podcastTitle)) || m.equals(showKey(feedId)));
    }

    static String showKey(String title) {
        if (title == null) return "";
        String t = AND.matcher(title.toLowerCase(Locale.ROOT).replace("&amp;", "&")).replaceAll(" and ");
        return NOT_ALNUM.matcher(t).replaceAll(" ").trim();
    }
}
