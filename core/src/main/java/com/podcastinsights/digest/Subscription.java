package com.podcastinsights.digest;

/**
 * A reader's item as the operator sees it: the {@link Subscriber}, the subscription's generation (a new one each
 * time an inactive reader is subscribed again; unsubscribe links name it), why it is inactive, and until when
 * the reader paused their digest ({@code pausedUntil}, an instant; null: not paused).
 */
public record Subscription(Subscriber subscriber, long generation, String unsubscribedAt, String suppressedReason,
                           String pausedUntil) {
    public Subscription(Subscriber subscriber, long generation, String unsubscribedAt, String suppressedReason) {
        this(subscriber, generation, unsubscribedAt, suppressedReason, null);
    }

    /** Whether the reader asked for no digest at {@code now}. */
    public boolean pausedAt(java.time.Instant now) {
        if (pausedUntil == null) return false;
        try {
            return now.isBefore(java.time.Instant.parse(pausedUntil));
        } catch (java.time.format.DateTimeParseException e) {
            return false; // a damaged value must not stop a reader's mail for good
        }
    }

    public boolean active() {
        return subscriber.active();
    }

    /** "active", "unsubscribed" (the reader asked) or "suppressed: <reason>" (a hard bounce or a complaint). */
    public String status() {
        if (active()) return "active";
        return suppressedReason == null ? "unsubscribed" : "suppressed: " + suppressedReason;
    }
}
