package com.podcastinsights.cli;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.event.EventEnvelope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The event EventBridge Scheduler sends to a scheduled stage (same shape as events/*-schedule.json). */
final class ScheduledEvent {
    private ScheduledEvent() {
    }

    static String json(Instant time, String stage) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", "0");
        root.put("id", UUID.randomUUID().toString());
        root.put("detail-type", "Scheduled Event");
        root.put("source", "aws.scheduler");
        root.put("account", "000000000000");
        root.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("region", "local");
        root.putArray("resources");
        root.putObject("detail").put("stage", stage);
        return root.toString();
    }
}
