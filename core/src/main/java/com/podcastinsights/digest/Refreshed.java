package com.podcastinsights.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value read once and again whenever the copy is older than {@code maxAge} (signing keys after a rotation). */
public final class Refreshed<T> implements Supplier<T> {
    private final Supplier<T> read;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt;

    public Refreshed(Supplier<T> read, Duration maxAge, Clock clock) {
        this.read = read;
        this.maxAge = maxAge;
        this.clock = clock;
        this.value = read.get();
        this.readAt = clock.instant();
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(maxAge))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
