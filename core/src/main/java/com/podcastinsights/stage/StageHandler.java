package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.json.Json;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What every Lambda handler holds: the clock, the stage's service, its metrics, and its composition (the
 * function's SnapStart registration, kept reachable here for the function's life). Tests and local runs pass none: their
 * metrics go nowhere unless {@link #metricsTo} sends them somewhere.
 *
 * <p>The frame of every handler is here too, so a handler only parses its event, calls the service and reports:
 * a handler that takes one pipeline event names it ({@link #event} refuses any other), a handler that loops
 * names how long before the invocation's timeout it stops ({@link #timeLeft}), and each {@link #answer}s in JSON.
 */
public abstract class StageHandler<H extends StageHandler<H, S>, S> {
    protected final Clock clock;
    protected final S service;
    protected StageMetrics metrics;
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Object composition;
    /** The detail-type of the one pipeline event this handler takes; null: the handler checks its own events. */
    private final String takes;
    /** The time kept before the invocation's timeout for the work in flight, in milliseconds. */
    private final long stopBeforeMillis;

    /** Lambda: the function's composition root builds the wiring from its environment; the clock is the system's. */
    protected StageHandler(Function<Env, Wiring<S>> composition) {
        this(Clock.systemUTC(), composition.apply(Env.system()), null, 0);
    }

    /** Local runs and tests: the service as the stage's factory built it on their ports, metrics nowhere. */
    protected StageHandler(S service, Clock clock) {
        this(clock, Wiring.local(service), null, 0);
    }

    /** A handler of the one pipeline event {@code takes} (its detail-type), in Lambda. */
    protected StageHandler(Function<Env, Wiring<S>> composition, String takes) {
        this(Clock.systemUTC(), composition.apply(Env.system()), takes, 0);
    }

    /** A handler of the one pipeline event {@code takes}, for local runs and tests. */
    protected StageHandler(S service, Clock clock, String takes) {
        this(clock, Wiring.local(service), takes, 0);
    }

    /** A handler that stops taking on work {@code stopBeforeMillis} before its timeout, in Lambda. */
    protected StageHandler(Function<Env, Wiring<S>> composition, long stopBeforeMillis) {
        this(Clock.systemUTC(), composition.apply(Env.system()), null, stopBeforeMillis);
    }

    /** A handler that stops taking on work {@code stopBeforeMillis} before its timeout, for local runs and tests. */
    protected StageHandler(S service, Clock clock, long stopBeforeMillis) {
        this(clock, Wiring.local(service), null, stopBeforeMillis);
    }

    private StageHandler(Clock clock, Wiring<S> wiring, String takes, long stopBeforeMillis) {
        this.clock = clock;
        this.service = wiring.service();
        this.metrics = wiring.metrics() != null ? wiring.metrics() : new StageMetrics(MetricsSink.NONE, null, clock);
        this.composition = wiring.composition();
        this.takes = takes;
        this.stopBeforeMillis = stopBeforeMillis;
    }

    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    @SuppressWarnings("unchecked")
    public H metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return (H) this;
    }

    /**
     * The event in, refused unless it is the pipeline event this handler takes: the asynchronous invocation fails
     * and reaches the function's failure destination ({@link EventEnvelope#unexpected}).
     */
    protected EventEnvelope event(InputStream input) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (takes != null && !takes.equals(event.detailType())) {
            String stage = getClass().getSimpleName().replaceFirst("Handler$", "");
            throw event.unexpected(stage, ("AEIOU".indexOf(takes.charAt(0)) >= 0 ? "an " : "a ") + takes);
        }
        return event;
    }

    /**
     * Whether the invocation still has more than the handler's margin left: a handler that loops checks it before
     * each unit of work, so the one in flight (its backoff, its record) ends before the timeout.
     * {@code remainingMillis} null: no timeout to respect (tests and local runs).
     */
    protected BooleanSupplier timeLeft(LongSupplier remainingMillis) {
        return () -> remainingMillis == null || remainingMillis.getAsLong() > stopBeforeMillis;
    }

    /** The handler's reply: what the stage made of the event, as JSON. */
    protected static void answer(OutputStream output, Object result) throws IOException {
        Json.MAPPER.writeValue(output, result);
    }
}
