package com.podcastinsights.digest;

/**
 * A reader's item as the operator sees it: the {@link Subscriber}, the subscription's generation (a new one each
 * time an inactive reader is subscribed again; unsubscribe links name it), and why it is inactive.
 */
public record Subscription(Subscriber subscriber, long generation, String unsubscribedAt, String suppressedReason) {
    public boolean active() {
        return subscriber.active();
    }

    /** "active", "unsubscribed" (the reader asked) or "suppressed: <reason>" (a hard bounce or a complaint). */
    public String status() {
        if (active()) return "active";
        return suppressedReason == null ? "unsubscribed" : "suppressed: " + suppressedReason;
    }
}
