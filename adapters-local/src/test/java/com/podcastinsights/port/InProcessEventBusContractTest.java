package com.podcastinsights.port;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.local.DeliveryReport;
import com.podcastinsights.local.InProcessEventBus;
import com.podcastinsights.local.Route;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessEventBusContractTest extends EventPublisherContract {
    private final List<JsonNode> received = new ArrayList<>();
    private InProcessEventBus bus;

    @Override
    protected EventPublisher newPublisher() {
        bus = new InProcessEventBus(List.of(new Route("Recorder", "test.Recorder", PATTERN)),
                cls -> json -> received.add(Json.MAPPER.readTree(json)),
                Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC));
        return bus;
    }

    @Override
    protected List<JsonNode> delivered(int expected) {
        DeliveryReport report = bus.drain();
        assertTrue(report.ok(), () -> "failures: " + report.failures());
        List<JsonNode> out = List.copyOf(received);
        received.clear();
        return out;
    }
}
