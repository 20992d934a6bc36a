package com.podcastinsights.local;

import com.podcastinsights.port.*;

/** STUB: to be built. */
public final class FileBlobStore implements BlobStore {
    public FileBlobStore(java.nio.file.Path root) {
    }
    @Override public void put(String key, byte[] content, String contentType) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.Optional<byte[]> get(String key) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.List<String> list(String prefix) { throw new UnsupportedOperationException("stub"); }
}
