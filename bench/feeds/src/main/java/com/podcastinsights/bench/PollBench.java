package com.podcastinsights.bench;

import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1,000 feeds on a loopback server, polled by the real {@link FeedPoller} with its production limits (32 in
 * flight, 4 per host: loopback is one host, so this is the worst case for the per-host limit). A first poll
 * stores the validators; then one poll with conditional GET where 10% of feeds changed (the rest answer
 * 304), and one where the validators were forgotten, so every feed sends its whole body.
 */
final class PollBench {
    record Round(String name, double seconds, long bytes, int full, int notModified, PollReport report) {
    }

    private final int feedCount;
    private final int itemsPerFeed;
    private final AtomicIntegerArray revision;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger full = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final byte[][] bodies;

    PollBench(int feedCount, int itemsPerFeed) {
        this.feedCount = feedCount;
        this.itemsPerFeed = itemsPerFeed;
        this.revision = new AtomicIntegerArray(feedCount);
        this.bodies = new byte[feedCount][];
    }

    private byte[] body(int n) throws IOException {
        StringWriter w = new StringWriter();
        SyntheticFeeds.write(w, "show" + n, itemsPerFeed, revision.get(n));
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    List<Round> run() throws IOException {
        for (int i = 0; i < feedCount; i++) bodies[i] = body(i);
        LoopbackFeeds server = new LoopbackFeeds(n -> String.valueOf(revision.get(n)), n -> bodies[n], (full, n) -> {
            if (full) {
                PollBench.this.full.incrementAndGet();
                bytes.addAndGet(n);
            } else {
                notModified.incrementAndGet();
            }
        });
        try {
            InMemoryTable table = new InMemoryTable();
            FeedRepository feeds = new FeedRepository(table);
            String base = server.base();
            for (int i = 0; i < feedCount; i++) feeds.add(base + i + ".xml", null);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            FeedPoller poller = new FeedPoller(feeds, new EpisodeRepository(table), new NullBlobs(), events -> { },
                    new SafeHttpClient(HttpPolicy.local()), Clock.systemUTC(), FeedPoller.DEFAULT_CONCURRENCY,
                    FeedPoller.DEFAULT_PER_HOST, quiet);

            Round first = poll("first poll (nothing stored)", poller);
            change(0);
            Round conditional = poll("conditional GET, 10% changed", poller);
            change(5);
            for (Feed f : feeds.list()) {
                feeds.save(new Feed(f.id(), f.url(), f.title(), null, null, f.lastSuccessAt(), f.consecutiveFailures(),
                        f.lastError()));
            }
            Round unconditional = poll("no conditional GET, 10% changed", poller);
            return List.of(first, conditional, unconditional);
        } finally {
            server.close();
        }
    }

    /** Every tenth feed (offset by {@code phase}) gets a new episode. */
    private void change(int phase) throws IOException {
        for (int i = phase; i < feedCount; i += 10) {
            revision.incrementAndGet(i);
            bodies[i] = body(i);
        }
    }

    private Round poll(String name, FeedPoller poller) {
        bytes.set(0);
        full.set(0);
        notModified.set(0);
        long t0 = System.nanoTime();
        PollReport report = poller.pollAll();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Round(name, seconds, bytes.get(), full.get(), notModified.get(), report);
    }

    /** The raw copy goes nowhere: S3's cost is not what this measures. */
    static final class NullBlobs implements BlobStore {
        @Override
        public void put(String key, byte[] content, String contentType) {
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.empty();
        }

        @Override
        public List<String> list(String prefix) {
            return List.of();
        }
    }
}
