package com.podcastinsights.digest;

import java.util.List;

/**
 * A reader. {@code active} is false after unsubscribe or suppression; the item stays so a replay never re-adds
 * them. {@code timeZone} (IANA) and {@code sendHour} (0-23, local) say when their digest goes out; null means
 * the stack's digest zone and default hour. {@code topics} are keywords that weight insights up;
 * {@code mutedShows} are podcast titles (or feed ids) they never want to see; {@code languages} (ISO 639-1)
 * are the languages of the insights they read, English when they name none. {@code weights}: what their
 * feedback on insights taught ({@link FeedbackWeights}); only the feedback endpoint changes them.
 */
public record Subscriber(String email, boolean active, String createdAt, String timeZone, Integer sendHour,
                         List<String> topics, List<String> mutedShows, List<String> languages,
                         FeedbackWeights weights) {
    public static final List<String> DEFAULT_LANGUAGES = com.podcastinsights.insight.DaySelection.READER_LANGUAGES;

    public Subscriber {
        topics = topics == null ? List.of() : List.copyOf(topics);
        mutedShows = mutedShows == null ? List.of() : List.copyOf(mutedShows);
        languages = languages == null || languages.isEmpty() ? DEFAULT_LANGUAGES : List.copyOf(languages);
        weights = weights == null ? FeedbackWeights.NONE : weights;
        if (sendHour != null && (sendHour < 0 || sendHour > 23)) {
            throw new IllegalArgumentException("send hour must be 0-23: " + sendHour);
        }
    }

    public Subscriber(String email, boolean active, String createdAt, String timeZone, Integer sendHour,
                      List<String> topics, List<String> mutedShows, List<String> languages) {
        this(email, active, createdAt, timeZone, sendHour, topics, mutedShows, languages, FeedbackWeights.NONE);
    }

    public Subscriber(String email, boolean active, String createdAt, String timeZone, Integer sendHour,
                      List<String> topics, List<String> mutedShows) {
        this(email, active, createdAt, timeZone, sendHour, topics, mutedShows, DEFAULT_LANGUAGES);
    }

    public Subscriber(String email, boolean active, String createdAt) {
        this(email, active, createdAt, null, null, List.of(), List.of());
    }

    /** The same reader with other preferences kept as they are: for a change of address state only. */
    public Subscriber withActive(boolean nowActive, String email) {
        return new Subscriber(email, nowActive, createdAt, timeZone, sendHour, topics, mutedShows, languages, weights);
    }

    /** The same reader with the weights their feedback left. */
    public Subscriber withWeights(FeedbackWeights w) {
        return new Subscriber(email, active, createdAt, timeZone, sendHour, topics, mutedShows, languages, w);
    }

    public boolean personalized() {
        return !topics.isEmpty() || !mutedShows.isEmpty() || !languages.equals(DEFAULT_LANGUAGES) || !weights.isEmpty();
    }

    /** Whether an insight in {@code language} is for this reader; an insight of unknown language is. */
    public boolean reads(String language) {
        return language == null || languages.contains(com.podcastinsights.transcript.Languages.primary(language));
    }
}
