package com.podcastinsights.digest;

/** The content of one day's email, the same for every subscriber. */
public record RenderedDigest(String subject, String text, String html) {
}
