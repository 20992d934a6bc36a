package com.podcastinsights.metrics;

import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.FeedFanOut;
import com.podcastinsights.feed.PollReport;

import java.time.Clock;
import java.util.Optional;

/**
 * The CloudWatch metrics of each pipeline stage, taken from the result the stage's service returns, one EMF line
 * per invocation (namespace {@value Emf#NAMESPACE}, dimensions Stack and Stage). The names are a contract with
 * the template's alarms and with docs/operations-runbook.md: change them together.
 */
public final class StageMetrics {
    public static final String FETCH_FEEDS = "fetch-feeds";
    public static final String FETCH_TRANSCRIPT = "fetch-transcript";
    public static final String EXTRACT_INSIGHTS = "extract-insights";
    public static final String SEND_DIGEST = "send-digest";
    public static final String MAIL_FEEDBACK = "mail-feedback";
    /** The stack dimension outside a deployment (STACK_NAME unset). */
    public static final String NO_STACK = "local";

    private final MetricsSink sink;
    private final String stack;
    private final Clock clock;

    /**
     * What a deployed function writes with: EMF lines to standard output inside Lambda ({@code lambdaFunctionName},
     * AWS_LAMBDA_FUNCTION_NAME, set), nowhere elsewhere (local runs, tests); {@code stack} is the deployment's
     * STACK_NAME. The handler reads both, as it reads all configuration.
     */
    public static StageMetrics forRuntime(String lambdaFunctionName, String stack, Clock clock) {
        return new StageMetrics(MetricsSink.forRuntime(lambdaFunctionName), stack, clock);
    }

    public StageMetrics(MetricsSink sink, String stack, Clock clock) {
        this.sink = sink;
        this.stack = stack == null || stack.isBlank() ? NO_STACK : stack;
        this.clock = clock;
    }

    /** A poll of feeds (a whole scheduled run, or one batch of a fanned-out run). */
    public Emf feedsPolled(PollReport r) {
        int fetched = Math.max(0, r.feeds() - r.notModified() - r.failed() - r.skipped());
        return write(Emf.of(stack, FETCH_FEEDS)
                .count("FeedsFetched", fetched)
                .count("FeedsNotModified", r.notModified())
                .count("FeedsFailed", r.failed())
                .count("FeedsSkipped", r.skipped())
                .count("EpisodesDiscovered", r.newEpisodes())
                .count("EpisodesAnnounced", r.announced())
                .count("AnnounceFailures", r.publishFailures())
                .count("EpisodesBackCatalogue", r.backCatalogue())
                .count("FeedsCapped", r.capped()));
    }

    /** A scheduled run: the poll's figures when it polled every feed itself, the fan-out's otherwise. */
    public void scheduledRun(FeedFanOut.ScheduledRun run) {
        run.polled().ifPresentOrElse(this::feedsPolled,
                () -> feedsFannedOut(run.batches(), run.backlog().announced(), run.backlog().publishFailures()));
    }

    /** A scheduled run that fanned out into batches instead of polling itself (each batch reports its poll). */
    public Emf feedsFannedOut(int batches, int announced, int publishFailures) {
        return write(Emf.of(stack, FETCH_FEEDS)
                .count("FeedBatchesRequested", batches)
                .count("EpisodesAnnounced", announced)
                .count("AnnounceFailures", publishFailures));
    }

    /** Stored: counted per source (vtt, srt, json, html, text, show-notes); empty: the episode had no text. */
    public Emf transcript(Optional<TranscriptStored> stored) {
        Emf emf = Emf.of(stack, FETCH_TRANSCRIPT);
        if (stored.isPresent()) {
            String source = stored.get().source();
            emf.labelled("TranscriptsStored", "Source", source == null || source.isBlank() ? "unknown" : source, 1);
        } else {
            emf.count("TranscriptsMissing", 1);
        }
        return write(emf);
    }

    /**
     * Speech-to-text not started for an opted-in episode by its spend limits; {@code reason} is DailyCap (the day's
     * audio minutes or dollars are spent) or NotFresh (published before the freshness window).
     */
    public Emf transcriptionSkipped(String reason) {
        return write(Emf.of(stack, FETCH_TRANSCRIPT).labelled("TranscriptionsSkipped", "Reason", reason, 1));
    }

    public Emf insights(InsightsExtracted result) {
        return write(Emf.of(stack, EXTRACT_INSIGHTS).count("InsightsWritten", result.insights()));
    }

    /**
     * One digest run. EmailsSkipped: already sent that day (a replay or retry); EmailsUnconfirmed: claimed by a run
     * that crashed mid-send, not resent; EmailsDeferred: left to the retry by the time limit.
     */
    public Emf digest(DigestReport r) {
        return write(Emf.of(stack, SEND_DIGEST)
                .count("EmailsSent", r.sent())
                .count("EmailsFailed", r.failed())
                .count("EmailsSkipped", r.skipped())
                .count("EmailsUnconfirmed", r.unconfirmed())
                .count("EmailsDeferred", r.deferred()));
    }

    /** SES feedback that stopped mail to subscribers: {@code feedback} is Bounce or Complaint. */
    public Emf suppressed(String feedback, int subscribers) {
        return write(Emf.of(stack, MAIL_FEEDBACK).labelled("EmailsSuppressed", "Feedback", feedback, subscribers));
    }

    private Emf write(Emf emf) {
        try {
            sink.write(emf.toJson(clock.instant()));
        } catch (RuntimeException e) {
            // the stage's work is done and recorded; a lost metric line must not fail (and so retry) it
            System.err.println("metrics: could not write a metric line: " + e);
        }
        return emf;
    }
}
