package com.podcastinsights.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body with a size cap and a deadline for the whole download. The count is checked on every read,
 * so an endless body is cut off at the cap; at the deadline a watchdog closes the stream, which also ends a
 * read that is blocked on a silent server.
 */
final class LimitedBody extends FilterInputStream {
    private final long maxBytes;
    private final long deadlineNanos;
    private final URI uri;
    private final CompletableFuture<Void> watchdog;
    private long count;
    private volatile boolean expired;

    LimitedBody(InputStream in, long maxBytes, long deadlineNanos, URI uri) {
        super(in);
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadlineNanos;
        this.uri = uri;
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        this.watchdog = CompletableFuture.runAsync(this::expire,
                CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS));
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is the point; the reader sees the timeout below
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkDeadline();
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            checkDeadline();
            throw e;
        }
        if (expired) checkDeadline();
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                close();
                throw new RefusedRequestException("response exceeds " + maxBytes + " bytes: " + uri);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes are downloaded too; count them through read
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) break;
            skipped += r;
        }
        return skipped;
    }

    private void checkDeadline() throws IOException {
        if (expired || System.nanoTime() - deadlineNanos > 0) {
            expired = true;
            throw new HttpTimeoutException("download deadline passed fetching " + uri);
        }
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        super.close();
    }
}
