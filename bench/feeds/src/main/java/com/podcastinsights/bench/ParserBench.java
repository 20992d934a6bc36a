package com.podcastinsights.bench;

import com.podcastinsights.feed.FeedParser;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Our parser against ROME on the same feeds, in the same JVM, rounds alternating so both get the same JIT
 * and machine conditions. Throughput is the median round; allocation is per feed, from the thread's counter.
 */
final class ParserBench {
    record Result(String name, double mbPerSecond, double allocPerFeed, int feeds, long bytes, int failures,
                  double medianRatio, double worstRatio) {
    }

    interface Parse {
        int apply(byte[] xml) throws Exception;
    }

    static final Parse OURS = xml -> new FeedParser().parse(xml, null, null).items().size();
    static final Parse ROME = xml -> {
        SyndFeedInput in = new SyndFeedInput();
        SyndFeed feed = in.build(new XmlReader(new ByteArrayInputStream(xml)));
        return feed.getEntries().size();
    };

    static List<byte[]> load(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }

    /** The feeds both parsers read without an error: the ratio is measured on the same work. */
    static List<byte[]> common(List<byte[]> all, int[] oursFailed, int[] romeFailed) {
        List<byte[]> both = new ArrayList<>();
        for (byte[] f : all) {
            boolean a = ok(OURS, f);
            boolean b = ok(ROME, f);
            if (!a) oursFailed[0]++;
            if (!b) romeFailed[0]++;
            if (a && b) both.add(f);
        }
        return both;
    }

    private static boolean ok(Parse p, byte[] f) {
        try {
            p.apply(f);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static Result[] run(List<byte[]> feeds, int[] oursFailed, int[] romeFailed, int rounds) throws Exception {
        long bytes = feeds.stream().mapToLong(f -> f.length).sum();
        int repeat = (int) Math.max(1, 4_000_000 / Math.max(1, bytes)); // each round parses at least ~4 MB
        for (int i = 0; i < 5; i++) {
            round(OURS, feeds, repeat);
            round(ROME, feeds, repeat);
        }
        double[] oursTimes = new double[rounds];
        double[] romeTimes = new double[rounds];
        long oursAlloc = 0;
        long romeAlloc = 0;
        for (int i = 0; i < rounds; i++) {
            long a0 = allocated();
            oursTimes[i] = round(OURS, feeds, repeat);
            long a1 = allocated();
            romeTimes[i] = round(ROME, feeds, repeat);
            long a2 = allocated();
            oursAlloc += a1 - a0;
            romeAlloc += a2 - a1;
        }
        double mb = bytes * (double) repeat / 1e6;
        long parses = (long) feeds.size() * repeat * rounds;
        // The machine is shared: compare each ROME round with the round of ours just before it, so a burst of
        // load elsewhere moves both sides of a ratio rather than one side of the medians.
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) ratios[i] = romeTimes[i] / oursTimes[i];
        double worst = Arrays.stream(ratios).min().orElse(0);
        return new Result[] {
                new Result("ours (StAX)", mb / median(oursTimes), oursAlloc / (double) parses, feeds.size(), bytes,
                        oursFailed[0], median(ratios), worst),
                new Result("ROME 2.1.0", mb / median(romeTimes), romeAlloc / (double) parses, feeds.size(), bytes,
                        romeFailed[0], median(ratios), worst)};
    }

    private static double round(Parse p, List<byte[]> feeds, int repeat) throws Exception {
        long t0 = System.nanoTime();
        int sink = 0;
        for (int r = 0; r < repeat; r++) {
            for (byte[] f : feeds) sink += p.apply(f);
        }
        if (sink == 42) System.out.print("");
        return (System.nanoTime() - t0) / 1e9;
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
