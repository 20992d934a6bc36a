package com.podcastinsights.port;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every EventPublisher must do; EventBridge (a rule copying to SQS on the emulator) and the in-process bus
 * (a route to a recording handler) both run it. Delivery is checked at the subscriber, not at the publisher.
 */
public abstract class EventPublisherContract {
    /** The one subscription the implementation under test must wire before each test. */
    protected static final String PATTERN =
            "{\"source\":[\"podcast-insights\"],\"detail-type\":[\"Episode Discovered\"]}";

    private EventPublisher publisher;

    /** A fresh publisher whose events matching {@link #PATTERN} reach the subscriber read by {@link #delivered}. */
    protected abstract EventPublisher newPublisher() throws Exception;

    /**
     * The envelopes delivered to the subscriber so far and not returned before; waits (boundedly) until at
     * least {@code expected} arrived, and includes any extra ones.
     */
    protected abstract List<JsonNode> delivered(int expected) throws Exception;

    @BeforeEach
    void createPublisher() throws Exception {
        publisher = newPublisher();
    }

    private static PipelineEvent discovered(String detailJson) {
        return new PipelineEvent("podcast-insights", "Episode Discovered", detailJson);
    }

    @Test
    void deliversSourceDetailTypeAndDetailIntact() throws Exception {
        String detail = "{\"feedId\":\"f1\",\"episodeId\":\"e1\",\"title\":\"Café ☕ «1» 🎙\",\"n\":3,"
                + "\"tags\":[\"a\",\"b\"],\"nested\":{\"ok\":true}}";

        publisher.publish(List.of(discovered(detail)));

        List<JsonNode> events = delivered(1);
        assertEquals(1, events.size(), () -> "delivered: " + events);
        JsonNode event = events.getFirst();
        assertEquals("podcast-insights", event.path("source").asText());
        assertEquals("Episode Discovered", event.path("detail-type").asText());
        assertEquals(Json.MAPPER.readTree(detail), event.path("detail"));
        assertEquals(false, event.path("id").asText().isBlank());
    }

    @Test
    void deliversEveryEventOfALargeBatchExactlyOnce() throws Exception {
        List<PipelineEvent> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) batch.add(discovered("{\"i\":" + i + "}"));

        publisher.publish(batch);

        List<JsonNode> events = delivered(25);
        List<Integer> seen = events.stream().map(e -> e.path("detail").path("i").asInt()).sorted().toList();
        assertEquals(IntStream.range(0, 25).boxed().toList(), seen);
        Set<String> ids = events.stream().map(e -> e.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(25, ids.size(), "distinct event ids");
    }

    @Test
    void doesNotDeliverWhatThePatternDoesNotMatch() throws Exception {
        publisher.publish(List.of(
                new PipelineEvent("podcast-insights", "Transcript Stored", "{\"which\":\"other type\"}"),
                new PipelineEvent("someone-else", "Episode Discovered", "{\"which\":\"other source\"}"),
                discovered("{\"which\":\"wanted\"}")));

        List<JsonNode> events = delivered(1);
        assertEquals(List.of("wanted"), events.stream().map(e -> e.path("detail").path("which").asText()).toList());
    }

    @Test
    void publishingNothingIsFine() throws Exception {
        publisher.publish(List.of());
        publisher.publish(List.of(discovered("{\"which\":\"after\"}")));

        assertEquals(1, delivered(1).size());
    }
}
