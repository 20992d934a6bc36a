package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Podcasting 2.0 JSON transcripts: {@code {"version", "segments": [{speaker, startTime, endTime, body}]}}.
 * Many tools write one segment per word; those are joined into sentences ({@link WordMerger}).
 */
final class JsonTranscriptParser {
    private JsonTranscriptParser() {
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("transcript is not valid JSON: " + e.getMessage(), e);
        }
    }

    static List<Segment> parse(String json) {
        return parse(read(json));
    }

    static List<Segment> parse(JsonNode root) {
        JsonNode segments = root == null ? null : root.isArray() ? root : root.get("segments");
        if (segments == null || !segments.isArray()) {
            throw new IllegalArgumentException("JSON transcript has no segments array");
        }
        List<WordMerger.Word> words = new ArrayList<>();
        for (JsonNode s : segments) {
            words.add(new WordMerger.Word(seconds(s.get("startTime")), seconds(s.get("endTime")),
                    blankToNull(s.path("speaker").asText(null)), s.path("body").asText("")));
        }
        return WordMerger.merge(words);
    }

    private static Double seconds(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.asDouble();
        return Timestamps.parse(n.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
