package com.podcastinsights.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.podcastinsights.json.Json;

import java.time.Instant;
import java.util.List;

/**
 * One message of the digest queue: readers due at {@code scheduledAt} who get the edition of {@code day} (their
 * local date). Addresses only: the sender reads each reader's item again, so an unsubscribe between planning and
 * sending is honoured.
 */
public record DigestBatch(String scheduledAt, String day, List<String> readers) {
    public DigestBatch {
        readers = List.copyOf(readers);
        Instant.parse(scheduledAt);
        java.time.LocalDate.parse(day);
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a digest batch", e);
        }
    }

    /** A message body; anything else is refused (an IllegalArgumentException), never half read. */
    public static DigestBatch parse(String json) {
        try {
            DigestBatch b = Json.MAPPER.readValue(json, DigestBatch.class);
            if (b == null || b.readers().isEmpty()) throw new IllegalArgumentException("a digest batch without readers");
            return b;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a digest batch: " + e.getMessage(), e);
        }
    }
}
