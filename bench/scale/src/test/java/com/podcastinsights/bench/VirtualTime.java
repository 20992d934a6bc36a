package com.podcastinsights.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Simulated time: it moves only when the simulation says so (a pacer's wait, an SES call, the next hour). */
final class VirtualTime extends Clock {
    private final Instant origin;
    private long nanos;

    VirtualTime(Instant origin) {
        this.origin = origin;
    }

    long nanos() { return nanos; }

    void set(long n) { nanos = n; }

    void advance(long n) { nanos += n; }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return origin.plusNanos(nanos); }
}
