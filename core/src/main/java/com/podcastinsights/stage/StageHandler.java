package com.podcastinsights.stage;

import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;

import java.time.Clock;

/**
 * What every Lambda handler holds: the clock, the stage's service, its metrics, and its composition (the
 * function's AWS wiring, registered for SnapStart and kept reachable here). Tests and local runs pass none: their
 * metrics go nowhere unless {@link #metricsTo} sends them somewhere.
 */
public abstract class StageHandler<H extends StageHandler<H, S>, S> {
    protected final Clock clock;
    protected final S service;
    protected StageMetrics metrics;
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Object composition;

    protected StageHandler(Clock clock, Wiring<S> wiring) {
        this.clock = clock;
        this.service = wiring.service();
        this.metrics = wiring.metrics() != null ? wiring.metrics() : new StageMetrics(MetricsSink.NONE, null, clock);
        this.composition = wiring.composition();
    }

    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    @SuppressWarnings("unchecked")
    public H metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return (H) this;
    }
}
