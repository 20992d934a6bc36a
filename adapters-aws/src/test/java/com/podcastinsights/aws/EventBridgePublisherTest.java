package com.podcastinsights.aws;

import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventBridgePublisherTest {
    /** Fails the entries {@code failing} selects (a retryable internal failure), accepts the rest. */
    static final class FlakyBus implements EventBridgeClient {
        final List<List<PutEventsRequestEntry>> calls = new ArrayList<>();
        final Set<String> accepted = new HashSet<>();
        Predicate<PutEventsRequestEntry> failing = e -> false;

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            calls.add(request.entries());
            List<PutEventsResultEntry> results = new ArrayList<>();
            int failed = 0;
            for (PutEventsRequestEntry e : request.entries()) {
                if (failing.test(e)) {
                    failed++;
                    results.add(PutEventsResultEntry.builder().errorCode("InternalFailure")
                            .errorMessage("try again").build());
                } else {
                    accepted.add(e.detail());
                    results.add(PutEventsResultEntry.builder().eventId("id-" + e.detail()).build());
                }
            }
            return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    private static List<PipelineEvent> events(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new PipelineEvent("podcast-insights", "Episode Discovered", "{\"i\":" + i + "}"))
                .toList();
    }

    @Test
    void putsInBatchesOfTenOnTheBus() {
        var bus = new FlakyBus();

        new EventBridgePublisher(bus, "the-bus", new RecordingSleeper().backoff(3)).publish(events(25));

        assertEquals(List.of(10, 10, 5), bus.calls.stream().map(List::size).toList());
        assertEquals(25, bus.accepted.size());
        assertTrue(bus.calls.stream().flatMap(List::stream).allMatch(e -> e.eventBusName().equals("the-bus")
                && e.source().equals("podcast-insights") && e.detailType().equals("Episode Discovered")));
    }

    @Test
    void retriesOnlyTheFailedEntries() {
        var bus = new FlakyBus();
        Set<String> failedOnce = new HashSet<>();
        bus.failing = e -> (e.detail().equals("{\"i\":3}") || e.detail().equals("{\"i\":7}"))
                && failedOnce.add(e.detail());
        var sleeper = new RecordingSleeper();

        new EventBridgePublisher(bus, "the-bus", sleeper.backoff(3)).publish(events(10));

        assertEquals(2, bus.calls.size());
        assertEquals(List.of("{\"i\":3}", "{\"i\":7}"),
                bus.calls.get(1).stream().map(PutEventsRequestEntry::detail).toList());
        assertEquals(10, bus.accepted.size());
        assertEquals(1, sleeper.pauses.size());
    }

    @Test
    void throwsWhenEntriesKeepFailing() {
        var bus = new FlakyBus();
        bus.failing = e -> e.detail().equals("{\"i\":1}");
        var sleeper = new RecordingSleeper();

        var e = assertThrows(IllegalStateException.class,
                () -> new EventBridgePublisher(bus, "the-bus", sleeper.backoff(4)).publish(events(3)));

        assertEquals(4, bus.calls.size());
        assertTrue(e.getMessage().contains("1 event(s) not accepted by bus the-bus"), e.getMessage());
        assertTrue(e.getMessage().contains("InternalFailure"), e.getMessage());
        assertEquals(3, sleeper.pauses.size());
    }
}
