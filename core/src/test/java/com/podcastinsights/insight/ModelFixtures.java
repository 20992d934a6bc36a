package com.podcastinsights.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written model step fixtures (src/test/resources/model/README.md), shared with the Bedrock adapter's tests
 * through the test jar.
 */
public final class ModelFixtures {
    public static final RankedPassage BATTERIES = new RankedPassage(
            "Batteries store four hours of energy because the evening peak lasts about that long, which means a"
                    + " fifth hour earns far less than it costs.",
            "Batteries store four hours of energy because the evening peak lasts, um, about that long, which means"
                    + " a fifth hour earns far less than it costs.", 0.9, 12.0, "Guest");
    public static final RankedPassage SOLAR = new RankedPassage(
            "Solar keeps getting cheaper every year, and utilities that do not plan for midday power will pay for"
                    + " it later.",
            "Solar keeps getting cheaper every year, and utilities that do not plan for midday power will pay for"
                    + " it later.", 0.8, 40.0, "Host");

    private ModelFixtures() {
    }

    public static String fixture(String name) {
        try (InputStream in = ModelFixtures.class.getResourceAsStream("/model/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidates of judge-reply.json, in its index order. */
    public static List<RankedPassage> judgePassages() {
        try {
            List<RankedPassage> out = new ArrayList<>();
            int i = 0;
            for (JsonNode p : Json.MAPPER.readTree(fixture("judge-passages.json"))) {
                String text = p.path("passage").asText();
                out.add(new RankedPassage(text, text, 0.9 - 0.05 * i, 60.0 * i++, null));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
