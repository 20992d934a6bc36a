package com.podcastinsights.feed;

/**
 * A subscribed feed and what we remember between fetches: validators for the conditional GET and the
 * feed's health. {@code id} is stable: derived from the URL the operator added, never from redirects.
 */
public record Feed(String id, String url, String title, String etag, String lastModified,
                   String lastSuccessAt, int consecutiveFailures, String lastError) {
}
