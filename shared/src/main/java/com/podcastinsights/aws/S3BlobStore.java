package com.podcastinsights.aws;

import com.podcastinsights.port.*;

/** STUB: to be built. */
public final class S3BlobStore implements BlobStore {
    public S3BlobStore(software.amazon.awssdk.services.s3.S3Client s3, String bucket) {
    }
    @Override public void put(String key, byte[] content, String contentType) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.Optional<byte[]> get(String key) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.List<String> list(String prefix) { throw new UnsupportedOperationException("stub"); }
}
