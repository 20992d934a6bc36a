package com.podcastinsights.feed;

/**
 * A subscribed feed and what we remember between fetches: validators for the conditional GET and the
 * feed's health. {@code id} is stable: derived from the URL the operator added, never from redirects.
 * {@code transcribe}: the operator opted this feed in to Amazon Transcribe for episodes without a transcript.
 * {@code contentSha256}: the SHA-256 of the last body that was parsed and recorded, so a host that sends no
 * validators (or ignores them) and serves the same bytes again costs no parse, no S3 copy and no writes.
 */
public record Feed(String id, String url, String title, String etag, String lastModified,
                   String lastSuccessAt, int consecutiveFailures, String lastError, boolean transcribe,
                   String contentSha256) {
    public Feed(String id, String url, String title, String etag, String lastModified,
                String lastSuccessAt, int consecutiveFailures, String lastError, boolean transcribe) {
        this(id, url, title, etag, lastModified, lastSuccessAt, consecutiveFailures, lastError, transcribe, null);
    }

    /** A feed that is not opted in to speech-to-text (the default). */
    public Feed(String id, String url, String title, String etag, String lastModified,
                String lastSuccessAt, int consecutiveFailures, String lastError) {
        this(id, url, title, etag, lastModified, lastSuccessAt, consecutiveFailures, lastError, false);
    }

    public Feed withTranscribe(boolean on) {
        return new Feed(id, url, title, etag, lastModified, lastSuccessAt, consecutiveFailures, lastError, on,
                contentSha256);
    }
}
