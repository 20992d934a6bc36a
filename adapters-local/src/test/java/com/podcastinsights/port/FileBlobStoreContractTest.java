package com.podcastinsights.port;

import com.podcastinsights.local.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileBlobStoreContractTest extends BlobStoreContract {
    @TempDir
    Path dir;

    @Override
    protected BlobStore newStore() {
        return new FileBlobStore(dir.resolve("bucket"));
    }

    @Test
    void usesTheBucketLayoutOnDisk() throws Exception {
        new FileBlobStore(dir.resolve("bucket")).put("feeds/f1/2026.xml", new byte[]{1, 2}, "application/xml");

        assertTrue(Files.isRegularFile(dir.resolve("bucket/feeds/f1/2026.xml")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void refusesKeysThatCouldEscapeTheRoot() {
        var store = new FileBlobStore(dir.resolve("bucket"));
        for (String key : List.of("../outside", "a/../../outside", "/etc/passwd", "a\\b", "", "a//b", "a/",
                "a/./b", ".tmp-x")) {
            assertThrows(IllegalArgumentException.class, () -> store.put(key, new byte[]{1}, "text/plain"), key);
        }
        assertTrue(Files.notExists(dir.resolve("outside")));
    }

    @Test
    void listOfAMissingRootIsEmpty() {
        assertEquals(List.of(), new FileBlobStore(dir.resolve("never-created")).list(""));
    }
}
