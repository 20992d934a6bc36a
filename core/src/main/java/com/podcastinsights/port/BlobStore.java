package com.podcastinsights.port;

import java.util.List;
import java.util.Optional;

/** Raw feeds and normalized transcripts, by key. S3 in AWS, a folder locally; same key layout. */
public interface BlobStore {
    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    /** Keys that start with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);
}
