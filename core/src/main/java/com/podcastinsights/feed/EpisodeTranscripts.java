package com.podcastinsights.feed;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.port.Item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code podcast:transcript} an item lists, and the feed's language, kept on the episode item so that
 * the transcript stage can choose among them (and fall back to the next one) rather than being handed one.
 * Stored as the attributes {@code transcriptLinks} (one JSON object per link) and {@code feedLanguage}.
 */
public record EpisodeTranscripts(List<TranscriptLink> links, String feedLanguage) {
    public static final EpisodeTranscripts NONE = new EpisodeTranscripts(List.of(), null);
    static final String LINKS = "transcriptLinks";
    static final String LANGUAGE = "feedLanguage";

    public EpisodeTranscripts {
        links = List.copyOf(links);
    }

    Map<String, Object> attributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!links.isEmpty()) {
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
            out.put(LINKS, encoded);
        }
        if (feedLanguage != null) out.put(LANGUAGE, feedLanguage);
        return out;
    }

    /** What an episode item holds; empty for items recorded before these attributes existed. */
    public static EpisodeTranscripts from(Item item) {
        List<TranscriptLink> links = new ArrayList<>();
        for (String s : item.strings(LINKS)) {
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
        return new EpisodeTranscripts(links, item.string(LANGUAGE));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
