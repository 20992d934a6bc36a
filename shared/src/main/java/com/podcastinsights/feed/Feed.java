package com.podcastinsights.feed;

/**
 * A subscribed feed and what we remember between fetches: validators for the conditional GET and the
 * feed's health. {@code id} is stable: derived from the URL the operator added, never from redirects.
 * {@code transcribe}: the operator opted this feed in to Amazon Transcribe for episodes without a transcript.
 */
public record Feed(String id, String url, String title, String etag, String lastModified,
                   String lastSuccessAt, int consecutiveFailures, String lastError, boolean transcribe) {
    /** A feed that is not opted in to speech-to-text (the default). */
    public Feed(String id, String url, String title, String etag, String lastModified,
                String lastSuccessAt, int consecutiveFailures, String lastError) {
        this(id, url, title, etag, lastModified, lastSuccessAt, consecutiveFailures, lastError, false);
    }

    public Feed withTranscribe(boolean on) {
        return new Feed(id, url, title, etag, lastModified, lastSuccessAt, consecutiveFailures, lastError, on);
    }
}
