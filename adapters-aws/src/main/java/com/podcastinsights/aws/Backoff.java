package com.podcastinsights.aws;

import java.time.Duration;

/**
 * A bounded exponential backoff. The sleeper is injectable so that tests of retry logic never wait on the wall
 * clock; the SDK's own retries sit underneath this, which only covers what they give up on.
 */
public record Backoff(int maxAttempts, Duration firstDelay, Sleeper sleeper) {
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    public static Backoff standard() {
        return new Backoff(5, Duration.ofMillis(200), THREAD_SLEEP);
    }

    /** Waits before attempt {@code attempt} (2, 3, ...): firstDelay, then doubled each time. */
    void pauseBefore(int attempt) {
        Duration d = firstDelay.multipliedBy(1L << Math.min(attempt - 2, 10));
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
