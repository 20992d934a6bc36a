package com.podcastinsights.bench;

import java.io.BufferedWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code make bench-feeds}: the feed benchmarks of docs/performance-feeds.md, printed as one table.
 * Arguments: the reference corpus dir (skipped when absent) and a scratch dir for the generated big feed.
 */
public final class FeedBenchmarks {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/feeds");
        Path scratch = Path.of(args.length > 1 ? args[1] : "bench/feeds/target/scratch");
        String only = args.length > 2 ? args[2] : "all";
        System.out.printf("JVM %s, %d CPUs available%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        if (only.equals("all") || only.equals("parser")) parser(corpus);
        if (only.equals("all") || only.equals("big")) bigFeed(scratch);
        if (only.equals("all") || only.equals("poll")) poll();
    }

    private static void parser(Path corpus) throws Exception {
        System.out.println("## Parser throughput: ours vs ROME, same feeds, same run");
        if (!Files.isDirectory(corpus)) {
            System.out.println("corpus not found at " + corpus + "; skipped\n");
            return;
        }
        List<byte[]> all = ParserBench.load(corpus);
        int[] oursFailed = {0};
        int[] romeFailed = {0};
        List<byte[]> both = ParserBench.common(all, oursFailed, romeFailed);
        ParserBench.Result[] r = ParserBench.run(both, oursFailed, romeFailed, 11);
        System.out.printf("corpus: %s, %d .xml files; both parse %d (%.2f MB); failures: ours %d, ROME %d%n",
                corpus, all.size(), both.size(), r[0].bytes() / 1e6, oursFailed[0], romeFailed[0]);
        System.out.println("| parser | MB/s (median of 11 rounds) | allocated per feed |");
        System.out.println("|---|---:|---:|");
        for (ParserBench.Result x : r) {
            System.out.printf("| %s | %.1f | %.2f MB |%n", x.name(), x.mbPerSecond(), x.allocPerFeed() / 1e6);
        }
        System.out.printf("| **ratio ours/ROME** | **%.1fx faster** (median of per-round ratios; slowest round %.1fx) | **%.1fx less** |%n%n",
                r[0].medianRatio(), r[0].worstRatio(), r[1].allocPerFeed() / r[0].allocPerFeed());
    }

    private static void bigFeed(Path scratch) throws Exception {
        System.out.println("## 100,000-item feed, child JVM with -Xmx128m");
        Files.createDirectories(scratch);
        Path file = scratch.resolve("big-feed.xml");
        if (!Files.exists(file)) {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SyntheticFeeds.write(w, "big", 100_000, 0);
            }
        }
        System.out.printf("feed: %s, %.1f MB%n", file, Files.size(file) / 1e6);
        System.out.println("| parser | result | items | seconds | peak heap |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String which : List.of("ours", "rome")) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), BigFeedParse.class.getName(), which, file.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) out.append(line).append('\n');
            }
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            String name = which.equals("ours") ? "ours (streaming)" : "ROME 2.1.0";
            String text = out.toString().strip();
            String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
            if (done && p.exitValue() == 0 && last.matches("\\d+ [\\d.]+ [\\d.]+")) {
                String[] f = last.split(" ");
                System.out.printf("| %s | ok | %s | %s | %s MB |%n", name, f[0], f[1], f[2]);
            } else {
                if (!done) p.destroyForcibly();
                String why = !done ? "timed out" : text.contains("OutOfMemoryError") ? "OutOfMemoryError" : "failed: " + last;
                System.out.printf("| %s | %s | - | - | - |%n", name, why);
            }
        }
        System.out.println();
    }

    private static void poll() throws Exception {
        System.out.printf("## 1,000-feed poll from a loopback server (FeedPoller, %d in flight, %d per host)%n",
                com.podcastinsights.feed.FeedPoller.DEFAULT_CONCURRENCY, com.podcastinsights.feed.FeedPoller.DEFAULT_PER_HOST);
        PollBench bench = new PollBench(1_000, 40);
        List<PollBench.Round> rounds = bench.run();
        System.out.println("| round | wall time | bytes transferred | 200 | 304 | new episodes | failed |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (PollBench.Round r : rounds) {
            System.out.printf("| %s | %.2f s | %.1f MB | %d | %d | %d | %d |%n", r.name(), r.seconds(), r.bytes() / 1e6,
                    r.full(), r.notModified(), r.report().newEpisodes(), r.report().failed());
        }
        System.out.printf("| **ratio** | **%.1fx faster with conditional GET** | **%.1fx fewer bytes** | | | | |%n%n",
                rounds.get(2).seconds() / rounds.get(1).seconds(),
                rounds.get(2).bytes() / (double) Math.max(1, rounds.get(1).bytes()));
    }
}
