package com.podcastinsights.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every BlobStore must do; S3 and the local folder both run it. */
public abstract class BlobStoreContract {
    private BlobStore store;

    /** A fresh, empty store. */
    protected abstract BlobStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void returnsWhatWasPut() {
        store.put("transcripts/feed-1/ep-1.json", utf8("{\"title\":\"Café ☕ 🎙\"}"), "application/json");

        assertArrayEquals(utf8("{\"title\":\"Café ☕ 🎙\"}"), store.get("transcripts/feed-1/ep-1.json").orElseThrow());
    }

    @Test
    void missingKeyIsEmpty() {
        store.put("feeds/a/1.xml", utf8("<rss/>"), "application/xml");

        assertTrue(store.get("feeds/a/2.xml").isEmpty());
        assertTrue(store.get("feeds/a").isEmpty());
    }

    @Test
    void putReplacesTheContent() {
        store.put("feeds/a/1.xml", utf8("first, and longer than the second"), "application/xml");
        store.put("feeds/a/1.xml", utf8("second"), "application/xml");

        assertArrayEquals(utf8("second"), store.get("feeds/a/1.xml").orElseThrow());
    }

    @Test
    void keepsBinaryContentByteForByte() {
        byte[] every = new byte[512];
        for (int i = 0; i < every.length; i++) every[i] = (byte) (i * 7);

        store.put("blobs/binary.bin", every, "application/octet-stream");

        assertArrayEquals(every, store.get("blobs/binary.bin").orElseThrow());
    }

    @Test
    void keepsAnEmptyBlob() {
        store.put("blobs/empty", new byte[0], "text/plain");

        assertArrayEquals(new byte[0], store.get("blobs/empty").orElseThrow());
    }

    @Test
    void listsKeysByPrefixInOrder() {
        for (String key : List.of("transcripts/b/2.json", "transcripts/a/2.json", "feeds/a/1.xml",
                "transcripts/a/10.json", "transcripts/a/1.json", "transcriptsX/a.json")) {
            store.put(key, utf8(key), "application/json");
        }

        assertEquals(List.of("transcripts/a/1.json", "transcripts/a/10.json", "transcripts/a/2.json"),
                store.list("transcripts/a/"));
        assertEquals(List.of("transcripts/a/1.json", "transcripts/a/10.json", "transcripts/a/2.json",
                "transcripts/b/2.json"), store.list("transcripts/"));
        assertEquals(List.of("transcripts/a/1.json", "transcripts/a/10.json"), store.list("transcripts/a/1"));
        assertEquals(List.of(), store.list("nothing/"));
    }
}
