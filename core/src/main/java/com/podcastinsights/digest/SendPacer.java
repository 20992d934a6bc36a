package com.podcastinsights.digest;

import java.util.function.LongSupplier;

/**
 * Keeps sends under the SES account's maximum send rate (14 a second for a new production account, 1 in the
 * sandbox) so that throttling stays the exception the mailer backs off from, not the steady state. Slots are
 * evenly spaced; a slow send does not earn a burst afterwards.
 */
public final class SendPacer {
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long next = Long.MIN_VALUE;

    public SendPacer(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond >= 0)) throw new IllegalArgumentException("send rate must be >= 0: " + perSecond);
        this.intervalNanos = perSecond == 0 ? 0 : (long) Math.ceil(1_000_000_000d / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** {@code perSecond} 0: no pacing (local runs, or a caller that paces itself). */
    public static SendPacer perSecond(double perSecond) {
        return new SendPacer(perSecond, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    /** Blocks until the next send may start. */
    public void awaitTurn() {
        if (intervalNanos == 0) return;
        long now = nanoTime.getAsLong();
        if (next != Long.MIN_VALUE && next - now > 0) {
            try {
                sleeper.sleepNanos(next - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
            now = next;
        }
        next = now + intervalNanos;
    }
}
