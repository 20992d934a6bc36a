package com.podcastinsights.event;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.port.PipelineEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The EventBridge envelope as our handlers read it. Parsing is strict about what we need (detail-type,
 * detail) so that a malformed event fails loudly and reaches the failure destination.
 */
public record EventEnvelope(String id, String source, String detailType, String time, JsonNode detail) {
    /** A schedule's own time, not the clock, so a replayed event targets the hour it was meant for. */
    public Instant scheduledAt() {
        if (time == null || time.isBlank()) {
            throw new IllegalArgumentException("schedule event has no time");
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule event time is not an ISO instant: " + time, e);
        }
    }

    /** Whether this is the event {@code detailType} from {@code source}. */
    public boolean is(String source, String detailType) {
        return source.equals(this.source) && detailType.equals(this.detailType);
    }

    /**
     * The error a handler throws on an event it does not take: the asynchronous invocation fails, Lambda retries
     * it and then hands it to the function's OnFailure destination, where an operator sees it.
     */
    public IllegalArgumentException unexpected(String stage, String expected) { // expected: "a Scheduled Event"
        return new IllegalArgumentException(stage + " takes " + expected + ", got \"" + detailType + "\" from \""
                + source + "\"");
    }

    public static EventEnvelope parse(InputStream in) throws IOException {
        return parse(Json.MAPPER.readTree(in));
    }

    public static EventEnvelope parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        JsonNode detail = root.get("detail");
        return new EventEnvelope(text(root, "id"), text(root, "source"), text(root, "detail-type"),
                text(root, "time"), detail == null ? Json.MAPPER.createObjectNode() : detail);
    }

    /** Binds the detail to a record, refusing a detail that lacks a field the record needs. */
    public <T> T detailAs(Class<T> type, String... requiredFields) {
        for (String f : requiredFields) {
            JsonNode v = detail.get(f);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                throw new IllegalArgumentException(detailType + " event lacks detail." + f);
            }
        }
        return Json.MAPPER.convertValue(detail, type);
    }

    public static PipelineEvent toPipelineEvent(String detailType, Object detail) {
        try {
            return new PipelineEvent(PipelineEvents.SOURCE, detailType, Json.MAPPER.writeValueAsString(detail));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SnapStart priming, no I/O: takes {@code detailJson} through the same Jackson paths an event of
     * {@code type} takes in a handler (envelope tree from a stream, detail bound to the record, the record written
     * out as a published event and as a result). Jackson builds its (de)serializers on first use, ~500 classes,
     * which otherwise load during the first invocation after every restore. Returns the bound detail.
     */
    public static <T> T primeJson(String detailType, String detailJson, Class<T> type) {
        String event = "{\"id\":\"prime\",\"source\":\"" + PipelineEvents.SOURCE + "\",\"detail-type\":\""
                + detailType + "\",\"time\":\"2026-01-01T00:00:00Z\",\"detail\":" + detailJson + "}";
        try {
            T detail = parse(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))).detailAs(type);
            toPipelineEvent(detailType, detail);
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), detail);
            return detail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the envelope EventBridge would deliver, for the local bus and tests. */
    public static ObjectNode envelope(PipelineEvent event, String id, String time, String account, String region) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", "0");
        root.put("id", id);
        root.put("detail-type", event.detailType());
        root.put("source", event.source());
        root.put("account", account);
        root.put("time", time);
        root.put("region", region);
        root.putArray("resources");
        try {
            root.set("detail", Json.MAPPER.readTree(event.detailJson()));
        } catch (IOException e) {
            throw new IllegalArgumentException("detail is not JSON", e);
        }
        return root;
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
