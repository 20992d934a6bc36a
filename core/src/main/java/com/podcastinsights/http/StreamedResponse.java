package com.podcastinsights.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A 2xx response whose body is read as it arrives (see {@link SafeHttpClient#openStream}). Reading past the cap
 * or the deadline throws; {@code contentLength} is -1 when the server did not say. Close it when done.
 */
public record StreamedResponse(URI finalUri, String contentType, long contentLength, InputStream body)
        implements Closeable {
    @Override
    public void close() throws IOException {
        body.close();
    }
}
