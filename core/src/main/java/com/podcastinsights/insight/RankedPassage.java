package com.podcastinsights.insight;

/**
 * A passage chosen from a transcript: {@code text} is cleaned for reading, {@code sourceText} is exactly what
 * the transcript says, {@code score} is in 0..1 and comparable across episodes.
 */
public record RankedPassage(String text, String sourceText, double score, double startSeconds, String speaker) {
}
