package com.podcastinsights.feed;

/** One {@code podcast:transcript} of an item: an item may offer the same transcript in several formats. */
public record TranscriptLink(String url, String type, String language, String rel) {
}
