package com.podcastinsights.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The only place the code reads environment variables, each read once into a stage's configuration record
 * ({@code stage/}). Every reader fails the same way on a bad value: "environment variable NAME ...". The template
 * test scans for {@code require("NAME")}, {@code optional("NAME", ...)} and the typed readers below and checks that
 * template.yaml defines each NAME for the function that reads it.
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

    /** A whole number of at least {@code min}; {@code fallback} when unset. */
    public long wholeNumber(String name, long fallback, long min) {
        String v = optional(name, null);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "a whole number of " + min + " or more", v);
    }

    /** A number of at least 0; {@code fallback} when unset. */
    public double decimal(String name, double fallback) {
        String v = optional(name, null);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.strip());
            if (d >= 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "a number of 0 or more", v);
    }

    /** True only for "true" (any case), as the template's "true"/"false" parameters give it. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(optional(name, "false").strip());
    }

    public ZoneId zone(String name) {
        String v = require(name);
        try {
            return ZoneId.of(v.strip());
        } catch (DateTimeException e) {
            throw invalid(name, "a time zone", v);
        }
    }

    private static IllegalStateException invalid(String name, String what, String value) {
        return new IllegalStateException("environment variable " + name + " must be " + what + ": " + value);
    }
}
