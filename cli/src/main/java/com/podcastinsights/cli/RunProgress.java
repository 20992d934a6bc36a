package com.podcastinsights.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What a local run reports as it goes. Detailed ({@code run --json}): every handler's JSON summary and log line on
 * the progress stream. Otherwise those go to the out dir's run.log, and the progress stream gets counts ("feeds 3/3,
 * transcripts 4/6, insights 2/6") and a summary.
 */
final class RunProgress {
    private static final int FEEDS = 0, EPISODES = 1, TRANSCRIPTS = 2, INSIGHTS = 3;
    private final PrintWriter progress;
    private final AtomicIntegerArray counts = new AtomicIntegerArray(4);
    private boolean detailed = true;
    private PrintWriter detail;

    RunProgress(PrintWriter progress) {
        this.progress = progress;
        this.detail = progress;
    }

    /** A run, reported to the progress stream or its log. */
    interface Run {
        LocalPipeline.Result call() throws IOException;
    }

    void detailed(boolean all) {
        detailed = all;
    }

    /**
     * Runs {@code run}; unless detailed, with the details (and the services' stderr, which in Lambda goes to
     * CloudWatch) in {@code log}, and a summary on the progress stream at the end.
     */
    LocalPipeline.Result run(Path log, Run run) throws IOException {
        if (detailed) return run.call();
        PrintStream stderr = System.err;
        try (PrintStream file = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            System.setErr(file);
            detail = new PrintWriter(file, true);
            LocalPipeline.Result r = run.call();
            step("summary: " + counts.get(FEEDS) + " feeds, " + counts.get(EPISODES) + " new episodes, "
                    + counts.get(TRANSCRIPTS) + " transcripts, " + counts.get(INSIGHTS) + " extracted, "
                    + r.failures().size() + " failed deliveries; every event's line is in " + log);
            return r;
        } finally {
            System.setErr(stderr);
            detail = progress;
        }
    }

    /** Where the details go now: handlers log there. */
    PrintWriter details() {
        return detail;
    }

    /** FetchFeeds read {@code feeds} feeds and announced {@code episodes} new episodes. */
    void fetched(int feeds, int episodes) {
        counts.set(FEEDS, feeds);
        counts.set(EPISODES, episodes);
        if (!detailed) step("progress: feeds " + feeds + "/" + feeds + ", " + episodes
                + " new episodes to transcribe and extract");
    }

    /** A delivery to the handler {@code name} succeeded; a tenth of the episodes done (and the last) is a line. */
    void delivered(String name) {
        int index = switch (name) {
            case "FetchTranscript" -> TRANSCRIPTS;
            case "ExtractInsights" -> INSIGHTS;
            default -> -1;
        };
        if (index < 0 || detailed) return;
        int n = counts.incrementAndGet(index);
        int total = Math.max(1, counts.get(EPISODES));
        int step = Math.max(1, total / 10);
        if (n % step == 0 || n == total) {
            step("progress: feeds " + counts.get(FEEDS) + "/" + counts.get(FEEDS) + ", transcripts "
                    + counts.get(TRANSCRIPTS) + "/" + total + ", insights " + counts.get(INSIGHTS) + "/" + total);
        }
    }

    void detail(String line) {
        detail.println(line);
        detail.flush();
    }

    void step(String line) {
        progress.println(line);
        progress.flush();
    }
}
