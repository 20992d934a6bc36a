package com.podcastinsights.transcript;

/** A span of speech: start and end in seconds (end may be null when unknown), optional speaker. */
public record Segment(double start, Double end, String speaker, String text) {
}
