package com.podcastinsights.insight;

/** An insight as extraction produces it: its rank within the episode (1 = best) and the exact transcript text. */
public record ExtractedInsight(int rank, Insight insight, String sourceText) {
}
