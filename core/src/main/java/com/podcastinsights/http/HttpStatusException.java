package com.podcastinsights.http;

import java.io.IOException;
import java.net.URI;

/** The server answered with a status we do not treat as content (4xx, 5xx, a 3xx without Location). */
public final class HttpStatusException extends IOException {
    private final int status;

    public HttpStatusException(int status, URI uri) {
        super("HTTP " + status + " from " + uri);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
