package com.podcastinsights.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code make bench-feeds-ab}: two (or more) builds of our own parser on the same feeds, in the same JVM, by thread
 * CPU time, so a change to the parser is measured against the parser it replaces rather than against ROME (whose
 * ratio drifts by tens of percent on a loaded machine). Each build is loaded from its own class path in its own
 * class loader (the classes share names); the first build is the baseline.
 *
 * <p>Arguments: the corpus dir, then {@code label=classpath} per build (classpath entries separated by ':').
 * System properties: {@code rounds} (default 31), {@code warmup} (default 15). A round parses every feed all
 * builds read without an error, enough times to read ~4 MB; builds take turns within a round and the order
 * rotates from round to round, so neither always runs first. The claim is the median over rounds of each
 * build's CPU time divided by the baseline's in the same round.
 */
public final class ParserAB {
    private record Build(String label, MethodHandle parse) {
    }

    public static void main(String[] args) throws Throwable {
        Path corpus = Path.of(args[0]);
        List<Build> builds = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            builds.add(load(args[i].substring(0, eq), args[i].substring(eq + 1)));
        }
        int rounds = Integer.getInteger("rounds", 31);
        int warmup = Integer.getInteger("warmup", 15);
        List<byte[]> feeds = new ArrayList<>();
        int total = 0;
        for (byte[] f : ParserBench.load(corpus)) {
            total++;
            if (builds.stream().allMatch(b -> parses(b, f))) feeds.add(f);
        }
        long bytes = feeds.stream().mapToLong(f -> f.length).sum();
        int repeat = (int) Math.max(1, Math.ceil(4e6 / Math.max(1, bytes)));
        System.out.printf("JVM %s %s, %d CPUs; corpus %s: %d of %d .xml files parse in every build (%.2f MB), x%d per round%n",
                Runtime.version(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().availableProcessors(), corpus, feeds.size(), total, bytes / 1e6, repeat);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < warmup; w++) {
            for (Build b : builds) round(b, feeds, repeat, threads);
        }
        int n = builds.size();
        double[][] cpu = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int i = (r + k) % n;
                cpu[i][r] = round(builds.get(i), feeds, repeat, threads);
            }
        }
        double mb = bytes * (double) repeat / 1e6;
        System.out.println("| build | CPU ms per round (median) | MB/s of CPU | ratio to " + builds.get(0).label()
                + " (median of per-round ratios; quartiles) |");
        System.out.println("|---|---:|---:|---|");
        for (int i = 0; i < n; i++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = cpu[i][r] / cpu[0][r];
            Arrays.sort(ratio);
            double med = median(cpu[i]);
            System.out.printf("| %s | %.1f | %.1f | %.3f (%.3f-%.3f) |%n", builds.get(i).label(), med * 1e3, mb / med,
                    ratio[rounds / 2], ratio[rounds / 4], ratio[rounds * 3 / 4]);
        }
    }

    private static Build load(String label, String classpath) throws Exception {
        String[] parts = classpath.split(":");
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) urls[i] = Path.of(parts[i]).toUri().toURL();
        // Parent is the platform loader: the bench's own copy of core (on the application class path) must not
        // shadow the build under test.
        ClassLoader loader = new URLClassLoader(label, urls, ClassLoader.getPlatformClassLoader());
        Class<?> parser = Class.forName("com.podcastinsights.feed.FeedParser", true, loader);
        Class<?> parsed = Class.forName("com.podcastinsights.feed.ParsedFeed", true, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Object instance = parser.getConstructor().newInstance();
        MethodHandle parse = lookup.findVirtual(parser, "parse",
                MethodType.methodType(parsed, byte[].class, String.class, URI.class)).bindTo(instance);
        MethodHandle items = lookup.findVirtual(parsed, "items", MethodType.methodType(List.class));
        MethodHandle count = MethodHandles.filterReturnValue(parse, items);
        return new Build(label, count.asType(MethodType.methodType(List.class, byte[].class, String.class, URI.class)));
    }

    private static boolean parses(Build b, byte[] feed) {
        try {
            List<?> items = (List<?>) b.parse().invokeExact(feed, (String) null, (URI) null);
            return true;
        } catch (Throwable e) {
            if (Boolean.getBoolean("verbose")) System.out.println(b.label() + ": " + e);
            return false;
        }
    }

    private static double round(Build b, List<byte[]> feeds, int repeat, ThreadMXBean threads) throws Throwable {
        MethodHandle parse = b.parse();
        long t0 = threads.getCurrentThreadCpuTime();
        int sink = 0;
        for (int r = 0; r < repeat; r++) {
            for (byte[] f : feeds) {
                List<?> items = (List<?>) parse.invokeExact(f, (String) null, (URI) null);
                sink += items.size();
            }
        }
        if (sink == 42) System.out.print("");
        return (threads.getCurrentThreadCpuTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
