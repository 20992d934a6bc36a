package com.podcastinsights.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An episode item's transcript links as stored: one JSON object {url, type, language, rel} per link. */
final class StoredTranscriptLinks {
    private StoredTranscriptLinks() {
    }

    static List<String> write(List<TranscriptLink> links) {
        List<String> encoded = new ArrayList<>();
        for (TranscriptLink l : links) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("url", l.url());
            if (l.type() != null) m.put("type", l.type());
            if (l.language() != null) m.put("language", l.language());
            if (l.rel() != null) m.put("rel", l.rel());
            try {
                encoded.add(Json.MAPPER.writeValueAsString(m));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return encoded;
    }

    /**
     * The stored links; when there are none, the one link ({@code legacyUrl}, {@code legacyType}) that items
     * recorded before every link was kept hold instead, if any.
     */
    static List<TranscriptLink> read(List<String> stored, String legacyUrl, String legacyType) {
        List<TranscriptLink> links = new ArrayList<>();
        for (String s : stored) {
            try {
                JsonNode n = Json.MAPPER.readTree(s);
                if (n.hasNonNull("url")) {
                    links.add(new TranscriptLink(n.get("url").asText(), text(n, "type"), text(n, "language"),
                            text(n, "rel")));
                }
            } catch (JsonProcessingException e) {
                // one unreadable link must not hide the others
            }
        }
        if (links.isEmpty() && legacyUrl != null && !legacyUrl.isBlank()) {
            links.add(new TranscriptLink(legacyUrl, legacyType, null, null));
        }
        return links;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
