package com.podcastinsights.fakes;

import com.podcastinsights.port.BlobStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link BlobStore} in a sorted map, for service and handler tests. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new TreeMap<>();
    private final Map<String, String> types = new TreeMap<>();

    @Override
    public synchronized void put(String key, byte[] content, String contentType) {
        blobs.put(key, content.clone());
        types.put(key, contentType);
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(blobs.get(key)).map(byte[]::clone);
    }

    @Override
    public synchronized List<String> list(String prefix) {
        return blobs.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    public synchronized String contentType(String key) {
        return types.get(key);
    }
}
