package com.podcastinsights.event;

/** Detail of {@code Insights Extracted}: for other workloads; no stage of ours consumes it. */
public record InsightsExtracted(String feedId, String episodeId, String day, int insights) {
}
