package com.podcastinsights.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every AudioStore adapter must do: all of the body or nothing. S3 (moto) and file adapters run it. */
public abstract class AudioStoreContract {
    protected AudioStore store;

    protected abstract AudioStore newStore();

    /** The stored bytes at {@code key}, read back outside the port. */
    protected abstract Optional<byte[]> read(String key);

    /** True when a failed upload left something behind (a temp file, a pending multipart upload). */
    protected abstract boolean leftovers();

    /** Bytes the adapter takes per request or write, so tests can cross that boundary. */
    protected abstract int chunkSize();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aBodyLargerThanOneChunkIsStoredWhole() throws IOException {
        byte[] body = bytes(2 * chunkSize() + 12345, 7);
        long n = store.upload("transcribe/audio/f/e1", new ByteArrayInputStream(body), "audio/mpeg");
        assertEquals(body.length, n);
        assertArrayEquals(body, read("transcribe/audio/f/e1").orElseThrow());
    }

    @Test
    void aSmallBodyIsStoredToo() throws IOException {
        byte[] body = bytes(1000, 8);
        store.upload("transcribe/audio/f/e2", new ByteArrayInputStream(body), null);
        assertArrayEquals(body, read("transcribe/audio/f/e2").orElseThrow());
    }

    @Test
    void aBodyThatFailsHalfwayLeavesNothingBehind() {
        InputStream failing = new InputStream() {
            final InputStream head = new ByteArrayInputStream(bytes(chunkSize() + 100, 9));

            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b < 0) throw new IOException("response exceeds the cap");
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = head.read(buf, off, len);
                if (n < 0) throw new IOException("response exceeds the cap");
                return n;
            }
        };
        IOException e = assertThrows(IOException.class, () -> store.upload("transcribe/audio/f/e3", failing, null));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        assertEquals(Optional.empty(), read("transcribe/audio/f/e3"));
        assertEquals(false, leftovers(), "a failed upload leaves no partial upload or temp file");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThrows(IOException.class, () -> store.upload("transcribe/audio/f/e4", InputStream.nullInputStream(), null));
        assertEquals(Optional.empty(), read("transcribe/audio/f/e4"));
        assertEquals(false, leftovers());
    }
}
