package com.podcastinsights.local;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessEventBusTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:07:08.999Z"), ZoneOffset.UTC);
    private static final String DISCOVERED = "{\"source\":[\"podcast-insights\"],\"detail-type\":[\"Episode Discovered\"]}";
    private static final String STORED = "{\"source\":[\"podcast-insights\"],\"detail-type\":[\"Transcript Stored\"]}";

    /** Which handler class saw which events, in delivery order. */
    private final List<String> log = new ArrayList<>();
    private final Map<String, EventHandler> handlers = new HashMap<>();
    private final Map<String, Integer> created = new HashMap<>();

    private InProcessEventBus bus(Route... routes) {
        return new InProcessEventBus(List.of(routes), cls -> {
            created.merge(cls, 1, Integer::sum);
            return handlers.get(cls);
        }, CLOCK);
    }

    private EventHandler recording(String name) {
        return json -> {
            JsonNode e = Json.MAPPER.readTree(json);
            log.add(name + ":" + e.path("detail-type").asText() + ":" + e.path("detail").path("n").asText());
        };
    }

    private static PipelineEvent event(String detailType, int n) {
        return new PipelineEvent("podcast-insights", detailType, "{\"n\":" + n + "}");
    }

    @Test
    void deliversEachEventToTheFunctionsWhosePatternMatches() {
        handlers.put("T", recording("T"));
        handlers.put("X", recording("X"));
        var bus = bus(new Route("FetchTranscript", "T", DISCOVERED), new Route("ExtractInsights", "X", STORED));

        bus.publish(List.of(event("Episode Discovered", 1), event("Transcript Stored", 2),
                event("Episode Discovered", 3)));
        DeliveryReport report = bus.drain();

        assertEquals(List.of("T:Episode Discovered:1", "X:Transcript Stored:2", "T:Episode Discovered:3"), log);
        assertEquals(2, report.deliveriesTo("FetchTranscript"));
        assertEquals(1, report.deliveriesTo("ExtractInsights"));
        assertTrue(report.ok());
        assertEquals(0, bus.pending());
    }

    @Test
    void wrapsEventsInTheEnvelopeEventBridgeDelivers() {
        List<JsonNode> seen = new ArrayList<>();
        handlers.put("T", json -> seen.add(Json.MAPPER.readTree(json)));
        var bus = bus(new Route("FetchTranscript", "T", DISCOVERED));

        bus.publish(List.of(new PipelineEvent("podcast-insights", "Episode Discovered", "{\"episodeId\":\"e☕\"}")));
        bus.drain();

        JsonNode e = seen.getFirst();
        assertEquals("0", e.path("version").asText());
        assertEquals("000000000000", e.path("account").asText());
        assertEquals("local", e.path("region").asText());
        assertEquals("2026-11-30T06:07:08Z", e.path("time").asText());
        assertEquals("e☕", e.path("detail").path("episodeId").asText());
        assertEquals(36, e.path("id").asText().length());
        assertTrue(e.path("resources").isArray());
    }

    @Test
    void deliversEventsThatHandlersPublishDuringTheDrain() {
        var holder = new InProcessEventBus[1];
        handlers.put("T", json -> {
            recording("T").handle(json);
            int n = Json.MAPPER.readTree(json).path("detail").path("n").asInt();
            holder[0].publish(List.of(event("Transcript Stored", n * 10)));
        });
        handlers.put("X", recording("X"));
        holder[0] = bus(new Route("FetchTranscript", "T", DISCOVERED), new Route("ExtractInsights", "X", STORED));

        holder[0].publish(List.of(event("Episode Discovered", 1), event("Episode Discovered", 2)));
        DeliveryReport report = holder[0].drain();

        // FIFO: both discoveries first, then the two events they published.
        assertEquals(List.of("T:Episode Discovered:1", "T:Episode Discovered:2",
                "X:Transcript Stored:10", "X:Transcript Stored:20"), log);
        assertEquals(2, report.deliveriesTo("ExtractInsights"));
    }

    @Test
    void recordsAFailureAndKeepsDelivering() {
        handlers.put("T", json -> {
            if (json.contains("\"n\":1")) throw new IllegalStateException("feed unreachable");
            recording("T").handle(json);
        });
        var bus = bus(new Route("FetchTranscript", "T", DISCOVERED));

        bus.publish(List.of(event("Episode Discovered", 1), event("Episode Discovered", 2)));
        DeliveryReport report = bus.drain();

        assertEquals(List.of("T:Episode Discovered:2"), log);
        assertEquals(2, report.deliveriesTo("FetchTranscript"));
        assertEquals(1, report.failures().size());
        DeliveryReport.Failure failure = report.failures().getFirst();
        assertEquals("FetchTranscript", failure.functionName());
        assertEquals("Episode Discovered", failure.detailType());
        assertEquals(36, failure.eventId().length());
        assertInstanceOf(IllegalStateException.class, failure.error());
        assertEquals(false, report.ok());
    }

    @Test
    void countsButDoesNotDeliverAnEventNoRouteMatches() {
        handlers.put("T", recording("T"));
        var bus = bus(new Route("FetchTranscript", "T", DISCOVERED));

        bus.publish(List.of(new PipelineEvent("someone-else", "Episode Discovered", "{}"), event("Insights Extracted", 1)));
        DeliveryReport report = bus.drain();

        assertEquals(List.of(), log);
        assertEquals(2, report.unmatched());
        assertEquals(0, report.deliveriesTo("FetchTranscript"));
    }

    @Test
    void deliversToEveryMatchingRouteAndBuildsEachHandlerOnce() {
        handlers.put("T", recording("T"));
        handlers.put("A", recording("A"));
        var bus = bus(new Route("FetchTranscript", "T", DISCOVERED),
                new Route("Audit", "A", "{\"source\":[{\"prefix\":\"podcast\"}]}"));

        bus.publish(List.of(event("Episode Discovered", 1)));
        bus.drain();
        bus.publish(List.of(event("Episode Discovered", 2)));
        bus.drain();

        assertEquals(List.of("T:Episode Discovered:1", "A:Episode Discovered:1",
                "T:Episode Discovered:2", "A:Episode Discovered:2"), log);
        assertEquals(Map.of("T", 1, "A", 1), created);
    }

    @Test
    void refusesAnInvalidPatternAndADetailThatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> bus(new Route("F", "T", "{\"source\":\"not-an-array\"}")));

        var bus = bus(new Route("FetchTranscript", "T", DISCOVERED));
        assertThrows(IllegalArgumentException.class,
                () -> bus.publish(List.of(new PipelineEvent("podcast-insights", "Episode Discovered", "{not json"))));
        assertEquals(0, bus.pending());
    }
}
