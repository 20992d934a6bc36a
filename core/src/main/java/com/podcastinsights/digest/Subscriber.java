package com.podcastinsights.digest;

import java.util.List;

/**
 * A reader. {@code active} is false after unsubscribe or suppression; the item stays so a replay never re-adds
 * them. {@code timeZone} (IANA) and {@code sendHour} (0-23, local) say when their digest goes out; null means
 * the stack's digest zone and default hour. {@code topics} are keywords that weight insights up;
 * {@code mutedShows} are podcast titles (or feed ids) they never want to see.
 */
public record Subscriber(String email, boolean active, String createdAt, String timeZone, Integer sendHour,
                         List<String> topics, List<String> mutedShows) {
    public Subscriber {
        topics = topics == null ? List.of() : List.copyOf(topics);
        mutedShows = mutedShows == null ? List.of() : List.copyOf(mutedShows);
        if (sendHour != null && (sendHour < 0 || sendHour > 23)) {
            throw new IllegalArgumentException("send hour must be 0-23: " + sendHour);
        }
    }

    public Subscriber(String email, boolean active, String createdAt) {
        this(email, active, createdAt, null, null, List.of(), List.of());
    }

    public boolean personalized() {
        return !topics.isEmpty() || !mutedShows.isEmpty();
    }
}
