package com.podcastinsights.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a reader's "useful" and "not for me" clicks taught: a multiplier per show (podcast title) and per topic
 * of theirs, 1 when they never said anything about it. Each vote moves a weight by {@link #STEP}, within bounds, so
 * no single click buries a show and a reader who changes their mind can bring it back.
 */
public record FeedbackWeights(Map<String, Double> shows, Map<String, Double> topics) {
    public static final FeedbackWeights NONE = new FeedbackWeights(Map.of(), Map.of());
    static final double STEP = 0.25, SHOW_MIN = 0.25, SHOW_MAX = 2.0, TOPIC_MIN = 0.0, TOPIC_MAX = 2.0;
    /** A reader's weights are bounded like their topics and muted shows. */
    static final int MAX_ENTRIES = 100;

    public FeedbackWeights {
        shows = shows == null ? Map.of() : Map.copyOf(shows);
        topics = topics == null ? Map.of() : Map.copyOf(topics);
    }

    public boolean isEmpty() {
        return shows.isEmpty() && topics.isEmpty();
    }

    public double show(String podcastTitle) {
        return shows.getOrDefault(key(podcastTitle), 1.0);
    }

    public double topic(String topic) {
        return topics.getOrDefault(key(topic), 1.0);
    }

    /** The weights after {@code votes} (+1 useful, -1 not for me; 2 or -2 when a reader turns a vote round). */
    public FeedbackWeights shifted(String podcastTitle, List<String> matchedTopics, int votes) {
        Map<String, Double> s = new LinkedHashMap<>(shows);
        Map<String, Double> t = new LinkedHashMap<>(topics);
        s.put(key(podcastTitle), clamp(show(podcastTitle) + votes * STEP, SHOW_MIN, SHOW_MAX));
        for (String topic : matchedTopics) t.put(key(topic), clamp(topic(topic) + votes * STEP, TOPIC_MIN, TOPIC_MAX));
        s.values().removeIf(v -> v == 1.0);
        t.values().removeIf(v -> v == 1.0);
        if (s.size() > MAX_ENTRIES || t.size() > MAX_ENTRIES) return this; // a bound, not a feature: keep what we had
        return new FeedbackWeights(s, t);
    }

    /** As the table stores them: "0.75 Grid & Ground" (the value first: a title may hold any character). */
    public static List<String> encode(Map<String, Double> weights) {
        List<String> out = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(String.format(Locale.ROOT, "%.2f %s", e.getValue(), e.getKey())));
        return out;
    }

    public static Map<String, Double> decode(List<String> entries) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String e : entries) {
            int space = e.indexOf(' ');
            if (space <= 0) continue;
            try {
                out.put(e.substring(space + 1), Double.parseDouble(e.substring(0, space)));
            } catch (NumberFormatException ignored) {
                // a damaged entry counts as no feedback on that show or topic
            }
        }
        return out;
    }

    private static String key(String s) {
        return MailText.plain(s).toLowerCase(Locale.ROOT);
    }

    private static double clamp(double v, double min, double max) {
        return Math.round(Math.max(min, Math.min(max, v)) * 100) / 100.0;
    }
}
