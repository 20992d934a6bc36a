package com.podcastinsights.http;

import java.net.URI;

/**
 * The outcome of one GET after redirects. {@code status} 304 means not modified (empty body).
 * {@code permanentUri} is set when a 301/308 moved the resource, so the caller can update the stored URL.
 */
public record HttpResult(int status, URI finalUri, URI permanentUri, String etag, String lastModified,
                         String contentType, byte[] body) {
    public boolean notModified() {
        return status == 304;
    }
}
