package com.podcastinsights.config;

import java.util.Map;

/**
 * The only place the code reads environment variables. The template test scans for
 * {@code Env.require("NAME")} and {@code Env.optional("NAME", ...)} and checks that template.yaml defines each
 * NAME for the function that reads it.
 */
public final class Env {
    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = values;
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v;
    }

    public String optional(String name, String fallback) {
        String v = values.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
