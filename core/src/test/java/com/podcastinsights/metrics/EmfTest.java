package com.podcastinsights.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line against the rules of the CloudWatch embedded metric format specification: a JSON object with
 * {@code _aws.Timestamp} (epoch milliseconds) and {@code _aws.CloudWatchMetrics}, an array of directives each with
 * a Namespace, Dimensions (an array of dimension sets, each an array of member names, at most 30) and Metrics
 * (objects with a Name, at most 100); every referenced dimension is a root member holding a string and every
 * metric a root member holding a number.
 */
class EmfTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2026-11-30T06:00:00Z");

    /** The spec's rules; returns every violation found. */
    static List<String> specProblems(String line) throws Exception {
        List<String> p = new ArrayList<>();
        if (line.contains("\n")) p.add("line break inside the line");
        JsonNode root = JSON.readTree(line);
        if (!root.isObject()) return List.of("root is not an object");
        JsonNode aws = root.path("_aws");
        if (!aws.path("Timestamp").isIntegralNumber()) p.add("_aws.Timestamp is not an integer");
        JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray() || directives.isEmpty()) p.add("_aws.CloudWatchMetrics is not a non-empty array");
        for (JsonNode d : directives) {
            String ns = d.path("Namespace").asText("");
            if (ns.isEmpty() || ns.length() > 255 || ns.startsWith(":")) p.add("bad Namespace " + d.path("Namespace"));
            if (!d.path("Dimensions").isArray()) p.add("Dimensions is not an array");
            for (JsonNode set : d.path("Dimensions")) {
                if (!set.isArray() || set.size() > 30) p.add("dimension set " + set + " is not an array of at most 30");
                for (JsonNode name : set) {
                    JsonNode value = root.path(name.asText());
                    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 1024) {
                        p.add("dimension " + name + " is not a root string member of 1-1024 characters");
                    }
                }
            }
            JsonNode metrics = d.path("Metrics");
            if (!metrics.isArray() || metrics.size() > 100) p.add("Metrics is not an array of at most 100");
            for (JsonNode m : metrics) {
                String name = m.path("Name").asText("");
                if (name.isEmpty() || name.length() > 255) p.add("bad metric Name " + m.path("Name"));
                if (!root.path(name).isNumber()) p.add("metric " + name + " is not a root number member");
                if (m.has("Unit") && !m.path("Unit").isTextual()) p.add("Unit of " + name + " is not a string");
            }
        }
        return p;
    }

    @Test
    void aLineFollowsTheSpecification() throws Exception {
        String line = Emf.of("prod", "send-digest").count("EmailsSent", 3).count("EmailsFailed", 1).toJson(T);

        assertEquals(List.of(), specProblems(line));
        JsonNode root = JSON.readTree(line);
        assertEquals(T.toEpochMilli(), root.path("_aws").path("Timestamp").asLong());
        JsonNode d = root.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("PodcastInsights", d.path("Namespace").asText());
        assertEquals("[[\"Stack\",\"Stage\"]]", d.path("Dimensions").toString());
        assertEquals("[{\"Name\":\"EmailsSent\",\"Unit\":\"Count\"},{\"Name\":\"EmailsFailed\",\"Unit\":\"Count\"}]",
                d.path("Metrics").toString());
        assertEquals("prod", root.path("Stack").asText());
        assertEquals("send-digest", root.path("Stage").asText());
        assertEquals(3, root.path("EmailsSent").asLong());
        assertEquals(1, root.path("EmailsFailed").asLong());
    }

    @Test
    void zeroCountsAreWrittenSoAlarmsSeeData() throws Exception {
        JsonNode root = JSON.readTree(Emf.of("prod", "fetch-feeds").count("FeedsFailed", 0).toJson(T));
        assertTrue(root.path("FeedsFailed").isNumber());
        assertEquals(0, root.path("FeedsFailed").asLong());
    }

    @Test
    void aLabelledCountGetsATotalAndABreakdown() throws Exception {
        String line = Emf.of("prod", "fetch-transcript").labelled("TranscriptsStored", "Source", "show-notes", 1)
                .count("TranscriptsMissing", 0).toJson(T);

        assertEquals(List.of(), specProblems(line));
        JsonNode root = JSON.readTree(line);
        Set<String> sets = new HashSet<>();
        for (JsonNode d : root.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode m : d.path("Metrics")) sets.add(m.path("Name").asText() + " " + d.path("Dimensions"));
        }
        assertEquals(Set.of("TranscriptsMissing [[\"Stack\",\"Stage\"]]",
                "TranscriptsStored [[\"Stack\",\"Stage\"],[\"Stack\",\"Stage\",\"Source\"]]"), sets);
        assertEquals("show-notes", root.path("Source").asText());
    }

    @Test
    void dimensionValuesAreEscaped() throws Exception {
        String stack = "a\"b\\c\nd\u2028";
        String line = Emf.of(stack, "fetch-feeds").count("FeedsFailed", 1).toJson(T);
        assertFalse(line.contains("\n"));
        assertFalse(line.contains("\u2028"));
        assertEquals(stack, JSON.readTree(line).path("Stack").asText());
    }

    @Test
    void repeatedCountsAddUp() throws Exception {
        JsonNode root = JSON.readTree(Emf.of("s", "x").count("FeedsFailed", 2).count("FeedsFailed", 3).toJson(T));
        assertEquals(5, root.path("FeedsFailed").asLong());
    }

    @Test
    void nothingCountedWritesNothing() {
        assertEquals("", Emf.of("s", "x").toJson(T));
    }

    @Test
    void invalidNamesAndValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Emf.of(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> Emf.of("s", "x".repeat(1025)));
        assertThrows(IllegalArgumentException.class, () -> Emf.of("s", "x").count("feeds failed", 1));
        assertThrows(IllegalArgumentException.class, () -> Emf.of("s", "x").count("Stage", 1));
        assertThrows(IllegalStateException.class, () -> Emf.of("s", "x")
                .labelled("A", "Source", "vtt", 1).labelled("B", "Source", "srt", 1));
        Emf full = Emf.of("s", "x");
        for (int i = 0; i < Emf.MAX_METRICS; i++) full.count("M" + i, 1);
        assertThrows(IllegalStateException.class, () -> full.count("One" + "More", 1));
    }

    @Test
    void theCheckerItselfRejectsBrokenLines() throws Exception {
        assertFalse(specProblems("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                + "\"Dimensions\":[[\"Stage\"]],\"Metrics\":[{\"Name\":\"A\"}]}]},\"A\":1}").isEmpty(),
                "a dimension without its member");
        assertFalse(specProblems("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                + "\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"A\"}]}]},\"A\":\"1\"}").isEmpty(),
                "a metric that is not a number");
        assertFalse(specProblems("{\"_aws\":{\"CloudWatchMetrics\":[]}}").isEmpty(), "no timestamp, no directive");
    }
}
