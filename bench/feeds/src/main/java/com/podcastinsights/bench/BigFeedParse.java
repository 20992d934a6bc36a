package com.podcastinsights.bench;

import com.podcastinsights.feed.FeedParser;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process of the big-feed benchmark, run with a small heap: {@code ours FILE} streams the feed through
 * our parser; {@code rome FILE} builds it with ROME. Prints one line: items, seconds, peak heap MB.
 */
public final class BigFeedParse {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        long items;
        if (args[0].equals("ours")) {
            AtomicLong n = new AtomicLong();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                new FeedParser(Long.MAX_VALUE).parse(in, null, URI.create("https://example.org/feed.xml"), item -> n.incrementAndGet());
            }
            items = n.get();
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                items = new SyndFeedInput().build(new XmlReader(in)).getEntries().size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf("%d %.2f %.1f%n", items, seconds, peak / 1e6);
    }
}
