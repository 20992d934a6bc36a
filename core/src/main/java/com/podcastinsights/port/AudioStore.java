package com.podcastinsights.port;

import java.io.IOException;
import java.io.InputStream;

/**
 * Large media into the bucket, streamed: the body is never held in memory as a whole. S3 multipart upload in
 * AWS, a file locally. Either the whole body is stored or nothing is: a failure while reading {@code body}
 * (a size cap, a timeout, a dropped connection) leaves no object and no pending upload behind.
 */
public interface AudioStore {
    /** Stores everything {@code body} yields under {@code key}; returns the number of bytes stored. */
    long upload(String key, InputStream body, String contentType) throws IOException;
}
