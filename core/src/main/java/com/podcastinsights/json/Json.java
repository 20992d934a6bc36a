package com.podcastinsights.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's one JSON mapper: events, stored transcripts, items' JSON attributes and the CLI's output.
 * Unknown properties are ignored so that an older reader accepts what a newer writer adds.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }
}
