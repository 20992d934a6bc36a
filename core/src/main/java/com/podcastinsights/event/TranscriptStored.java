package com.podcastinsights.event;

/**
 * Detail of {@code Transcript Stored}: the normalized transcript JSON is at {@code transcriptKey} in the
 * bucket. {@code source} says where the text came from (transcript format, or show notes).
 */
public record TranscriptStored(String feedId, String episodeId, String transcriptKey, String source,
                               int segments) {
}
