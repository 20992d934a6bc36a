package com.podcastinsights.http;

import java.io.IOException;

/** A request the policy will not make: scheme, address, size or redirect limits. Never worth retrying. */
public final class RefusedRequestException extends IOException {
    public RefusedRequestException(String message) {
        super(message);
    }
}
