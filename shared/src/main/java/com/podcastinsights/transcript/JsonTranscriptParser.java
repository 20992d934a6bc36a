package com.podcastinsights.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Podcasting 2.0 JSON transcripts: {@code {"version", "segments": [{speaker, startTime, endTime, body}]}}.
 * Many tools write one segment per word; those are joined into sentences (same speaker, until a sentence
 * ends) so that later stages see readable spans.
 */
final class JsonTranscriptParser {
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?\u2026][\"'\u201d\u2019)]*$");
    private static final Pattern ATTACHES_LEFT = Pattern.compile("^[,.;:!?\u2026)\\]\"'\u201d\u2019%].*");
    /** A long run without punctuation is still cut, so one segment cannot swallow the episode. */
    private static final int MAX_SEGMENT_CHARS = 1_000;

    private JsonTranscriptParser() {
    }

    static List<Segment> parse(String json) {
        JsonNode root;
        try {
            root = EventEnvelope.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("transcript is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode segments = root == null ? null : root.isArray() ? root : root.get("segments");
        if (segments == null || !segments.isArray()) {
            throw new IllegalArgumentException("JSON transcript has no segments array");
        }
        List<Segment> out = new ArrayList<>();
        Segment open = null;
        StringBuilder text = new StringBuilder();
        for (JsonNode s : segments) {
            String body = s.path("body").asText("").strip();
            if (body.isEmpty()) continue;
            String speaker = blankToNull(s.path("speaker").asText(null));
            Double start = seconds(s.get("startTime"));
            Double end = seconds(s.get("endTime"));
            if (open != null && !same(open.speaker(), speaker)) {
                out.add(close(open, text));
                open = null;
            }
            if (open == null) {
                open = new Segment(start == null ? 0 : start, end, speaker, null);
                text.setLength(0);
            } else {
                open = new Segment(open.start(), end != null ? end : open.end(), open.speaker(), null);
            }
            if (!text.isEmpty() && !ATTACHES_LEFT.matcher(body).matches()) text.append(' ');
            text.append(body);
            if (SENTENCE_END.matcher(body).matches() || text.length() >= MAX_SEGMENT_CHARS) {
                out.add(close(open, text));
                open = null;
            }
        }
        if (open != null) out.add(close(open, text));
        return out;
    }

    private static Segment close(Segment open, StringBuilder text) {
        Segment s = new Segment(open.start(), open.end(), open.speaker(), text.toString().replaceAll("\\s+", " ").strip());
        text.setLength(0);
        return s;
    }

    private static Double seconds(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.asDouble();
        return Timestamps.parse(n.asText());
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
