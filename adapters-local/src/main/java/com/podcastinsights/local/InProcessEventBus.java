package com.podcastinsights.local;

import com.podcastinsights.json.Json;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;
import software.amazon.event.ruler.Machine;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.io.IOException;

/**
 * The local stand-in for the custom bus: routes each event with the same patterns template.yaml gives
 * EventBridge, matched by event-ruler (the library EventBridge itself matches with).
 *
 * <p>publish() only enqueues, as PutEvents returns before any target runs; {@link #drain()} then delivers in
 * FIFO order until the queue is empty, including events the handlers publish meanwhile. An event matching two
 * routes is delivered to both, as two rules would. A handler that throws is recorded as a failure (and logged)
 * rather than stopping the run, like an asynchronous Lambda invocation that fails into its destination.
 *
 * <p>Handlers are made once per handler class, on first use, as Lambda initialises once per container.
 */
public final class InProcessEventBus implements EventPublisher {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "local";
    /** A guard against handlers that publish forever; far above any sample run. */
    static final int MAX_DELIVERIES_PER_DRAIN = 100_000;

    private final List<Route> routes;
    private final Function<String, EventHandler> handlerFactory;
    private final Clock clock;
    private final Machine machine;
    private final Map<String, EventHandler> handlers = new HashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();

    /**
     * @param handlerFactory makes the handler for a route's handler class (the CLI instantiates the Lambda
     *                       handler and adapts it); called at most once per class
     */
    public InProcessEventBus(List<Route> routes, Function<String, EventHandler> handlerFactory, Clock clock) {
        this.routes = List.copyOf(routes);
        this.handlerFactory = Objects.requireNonNull(handlerFactory, "handlerFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.machine = Machine.builder().build();
        for (int i = 0; i < this.routes.size(); i++) {
            Route r = this.routes.get(i);
            try {
                machine.addRule(ruleName(i), r.patternJson());
            } catch (Exception e) {
                throw new IllegalArgumentException("invalid event pattern for " + r.functionName() + ": "
                        + e.getMessage() + " in " + r.patternJson(), e);
            }
        }
    }

    @Override
    public synchronized void publish(List<PipelineEvent> events) {
        // Build every envelope first so that one bad detail rejects the whole call, as PutEvents validation does.
        List<String> envelopes = new ArrayList<>();
        String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        for (PipelineEvent e : events) {
            envelopes.add(EventEnvelope.envelope(e, UUID.randomUUID().toString(), time, ACCOUNT, REGION).toString());
        }
        queue.addAll(envelopes);
    }

    /** Events published but not yet delivered. */
    public synchronized int pending() {
        return queue.size();
    }

    public DeliveryReport drain() {
        Map<String, Integer> deliveries = new LinkedHashMap<>();
        List<DeliveryReport.Failure> failures = new ArrayList<>();
        int unmatched = 0;
        int total = 0;
        String event;
        while ((event = next()) != null) {
            List<Integer> matched = match(event);
            if (matched.isEmpty()) unmatched++;
            for (int index : matched) {
                if (++total > MAX_DELIVERIES_PER_DRAIN) {
                    throw new IllegalStateException("more than " + MAX_DELIVERIES_PER_DRAIN
                            + " deliveries in one drain: do handlers publish in a loop?");
                }
                Route route = routes.get(index);
                deliveries.merge(route.functionName(), 1, Integer::sum);
                try {
                    handler(route).handle(event);
                } catch (Exception e) {
                    EventEnvelope envelope = parse(event);
                    var failure = new DeliveryReport.Failure(route.functionName(), envelope.id(),
                            envelope.detailType(), e);
                    failures.add(failure);
                    System.err.println("[bus] " + route.functionName() + " failed on event " + envelope.id()
                            + " (" + envelope.detailType() + "): " + e);
                }
            }
        }
        return new DeliveryReport(deliveries, failures, unmatched);
    }

    private synchronized String next() {
        return queue.pollFirst();
    }

    private List<Integer> match(String event) {
        try {
            return machine.rulesForJSONEvent(event).stream()
                    .map(name -> Integer.parseInt(name.substring(name.indexOf('#') + 1)))
                    .sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot match event " + event, e);
        }
    }

    private EventHandler handler(Route route) {
        return handlers.computeIfAbsent(route.handlerClass(), cls -> Objects.requireNonNull(
                handlerFactory.apply(cls), "no handler for " + cls));
    }

    private static EventEnvelope parse(String event) {
        try {
            return EventEnvelope.parse(Json.MAPPER.readTree(event));
        } catch (IOException e) {
            throw new IllegalStateException("the bus built an envelope it cannot read", e);
        }
    }

    private static String ruleName(int index) {
        return "route#" + index;
    }
}
