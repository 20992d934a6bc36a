package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.podcastinsights.event.EventEnvelope;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The stored transcript JSON (docs/transcript-json.md): the {@link Transcript} record as Jackson writes it. */
public final class TranscriptCodec {
    private TranscriptCodec() {
    }

    public static byte[] write(Transcript transcript) {
        try {
            return Json.MAPPER.writeValueAsBytes(transcript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transcript read(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, Transcript.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored transcript is not valid JSON: " + e.getMessage(), e);
        }
    }
}
