package com.podcastinsights.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invocation's counts as one CloudWatch embedded metric format (EMF) log line: a JSON object whose
 * {@code _aws.CloudWatchMetrics} directive tells CloudWatch Logs which members are metrics and which are
 * dimensions. Written by hand, without Jackson or a client library, so any module can use it and the line's
 * shape is exactly what the tests pin down.
 *
 * <p>Every metric gets the dimension sets {@code [Stack, Stage]} plus, for a metric counted per label (for
 * example transcripts per source), {@code [Stack, Stage, <label name>]}: the total and the breakdown are then
 * both queryable, and alarms use the two-dimension total.
 */
public final class Emf {
    public static final String NAMESPACE = "PodcastInsights";
    public static final String STACK = "Stack";
    public static final String STAGE = "Stage";
    /** The spec's limit on metrics in one directive. */
    static final int MAX_METRICS = 100;

    private final String stack;
    private final String stage;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private String labelName;
    private String labelValue;
    private final List<String> labelled = new ArrayList<>();

    private Emf(String stack, String stage) {
        this.stack = requireDimensionValue(STACK, stack);
        this.stage = requireDimensionValue(STAGE, stage);
    }

    /** The metrics of one stage (fetch-feeds, send-digest, ...) of one deployment (the stack name). */
    public static Emf of(String stack, String stage) {
        return new Emf(stack, stage);
    }

    /** Adds a count (a repeated name adds up). Metric names are identifiers: letters and digits. */
    public Emf count(String name, long value) {
        if (name == null || !name.matches("[A-Z][A-Za-z0-9]{0,254}")) {
            throw new IllegalArgumentException("metric name must be a CamelCase identifier: " + name);
        }
        if (name.equals(STACK) || name.equals(STAGE) || name.equals(labelName)) {
            throw new IllegalArgumentException("metric name clashes with a dimension: " + name);
        }
        if (!counts.containsKey(name) && counts.size() == MAX_METRICS) {
            throw new IllegalStateException("more than " + MAX_METRICS + " metrics in one line");
        }
        counts.merge(name, value, Long::sum);
        return this;
    }

    /**
     * Adds a count that is also broken down by one label, e.g. {@code labelled("TranscriptsStored", "Source",
     * "vtt", 1)}. One label name and value per line: a line is one invocation, and an invocation has one.
     */
    public Emf labelled(String name, String label, String value, long count) {
        requireDimensionValue(label, value);
        if (label == null || !label.matches("[A-Z][A-Za-z0-9]{0,254}") || label.equals(STACK) || label.equals(STAGE)) {
            throw new IllegalArgumentException("bad label name: " + label);
        }
        if (labelName != null && (!labelName.equals(label) || !labelValue.equals(value))) {
            throw new IllegalStateException("one label per line: already " + labelName + "=" + labelValue);
        }
        labelName = label;
        labelValue = value;
        count(name, count);
        if (!labelled.contains(name)) labelled.add(name);
        return this;
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** The EMF line (no line break inside); empty when nothing was counted. */
    public String toJson(Instant timestamp) {
        if (counts.isEmpty()) return "";
        StringBuilder out = new StringBuilder(256);
        out.append("{\"_aws\":{\"Timestamp\":").append(timestamp.toEpochMilli()).append(",\"CloudWatchMetrics\":[");
        List<String> plain = new ArrayList<>();
        for (String name : counts.keySet()) if (!labelled.contains(name)) plain.add(name);
        boolean first = true;
        if (!plain.isEmpty()) {
            directive(out, plain, false);
            first = false;
        }
        if (!labelled.isEmpty()) {
            if (!first) out.append(',');
            directive(out, labelled, true);
        }
        out.append("]},");
        member(out, STACK).append(string(stack)).append(',');
        member(out, STAGE).append(string(stage));
        if (labelName != null) member(out.append(','), labelName).append(string(labelValue));
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            member(out.append(','), e.getKey()).append(e.getValue());
        }
        return out.append('}').toString();
    }

    private void directive(StringBuilder out, List<String> names, boolean withLabel) {
        out.append("{\"Namespace\":").append(string(NAMESPACE)).append(",\"Dimensions\":[[")
                .append(string(STACK)).append(',').append(string(STAGE)).append(']');
        if (withLabel) {
            out.append(",[").append(string(STACK)).append(',').append(string(STAGE)).append(',')
                    .append(string(labelName)).append(']');
        }
        out.append("],\"Metrics\":[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) out.append(',');
            out.append("{\"Name\":").append(string(names.get(i))).append(",\"Unit\":\"Count\"}");
        }
        out.append("]}");
    }

    private static StringBuilder member(StringBuilder out, String name) {
        return out.append(string(name)).append(':');
    }

    /** A JSON string literal; dimension values come from configuration and data, so everything is escaped. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** CloudWatch dimension values: 1 to 1024 characters, not only white space. */
    private static String requireDimensionValue(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 1024) {
            throw new IllegalArgumentException("dimension " + name + " needs a value of 1 to 1024 characters");
        }
        return value;
    }
}
