package com.podcastinsights.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Amazon Transcribe's output JSON ({@code results.items}: one pronunciation or punctuation item per word, with
 * string start and end times) read into the same segments as every other format, so a speech-to-text path
 * needs no reader of its own. Words are joined into sentences as for word-level Podcasting 2.0 JSON. With
 * speaker labels on, each item (or, in older output, {@code results.speaker_labels.segments}) names a
 * speaker as {@code spk_0}; it becomes "Speaker 1".
 */
final class TranscribeOutputParser {
    private TranscribeOutputParser() {
    }

    /** True for JSON that has Transcribe's shape rather than the Podcasting 2.0 one. */
    static boolean looksLikeTranscribe(JsonNode root) {
        return root != null && root.isObject() && root.path("results").path("items").isArray();
    }

    static List<Segment> parse(JsonNode root) {
        JsonNode results = root.path("results");
        TreeMap<Double, String> speakerAt = speakerTurns(results.path("speaker_labels").path("segments"));
        List<WordMerger.Word> words = new ArrayList<>();
        Double lastStart = null, lastEnd = null;
        String lastSpeaker = null;
        for (JsonNode item : results.path("items")) {
            String content = item.path("alternatives").path(0).path("content").asText("").strip();
            if (content.isEmpty()) continue;
            boolean punctuation = "punctuation".equals(item.path("type").asText());
            Double start = seconds(item.get("start_time"));
            Double end = seconds(item.get("end_time"));
            String label = item.hasNonNull("speaker_label") ? item.get("speaker_label").asText() : null;
            if (label == null && start != null && !speakerAt.isEmpty()) {
                var turn = speakerAt.floorEntry(start + 1e-6);
                label = turn == null ? null : turn.getValue();
            }
            if (punctuation) {
                // punctuation has no timing of its own and belongs to the word before it
                start = lastStart;
                end = lastEnd;
                label = lastSpeaker;
            }
            String speaker = speakerName(label);
            words.add(new WordMerger.Word(start, end, speaker, content));
            lastStart = start;
            lastEnd = end;
            lastSpeaker = label;
        }
        return WordMerger.merge(words);
    }

    private static TreeMap<Double, String> speakerTurns(JsonNode segments) {
        TreeMap<Double, String> out = new TreeMap<>();
        if (!segments.isArray()) return out;
        for (JsonNode s : segments) {
            Double start = seconds(s.get("start_time"));
            if (start != null && s.hasNonNull("speaker_label")) out.put(start, s.get("speaker_label").asText());
        }
        return out;
    }

    /** "spk_0" is the first speaker Transcribe heard; people count from one. */
    static String speakerName(String label) {
        if (label == null || label.isBlank()) return null;
        if (label.matches("spk_\\d+")) return "Speaker " + (Integer.parseInt(label.substring(4)) + 1);
        return label;
    }

    private static Double seconds(JsonNode n) {
        if (n == null || n.isNull()) return null;
        try {
            return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
