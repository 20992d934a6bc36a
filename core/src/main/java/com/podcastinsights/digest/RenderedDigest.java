package com.podcastinsights.digest;

/** One reader's email for one day: their insights, and a footer with their own unsubscribe link. */
public record RenderedDigest(String subject, String text, String html) {
}
