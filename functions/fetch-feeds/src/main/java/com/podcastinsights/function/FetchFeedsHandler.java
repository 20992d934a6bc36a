package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.FeedBatchRequested;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedFanOut;
import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.PollBudget;
import com.podcastinsights.feed.PollLimits;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Scheduled: polls every feed once, or, when there are more than one invocation takes, publishes one
 * {@code Feed Batch Requested} per batch, which the bus routes back here: a batch event polls exactly its feeds.
 * Any other JSON object is taken as the schedule.
 */
public final class FetchFeedsHandler implements RequestStreamHandler, Resource {
    private static final byte[] PRIME_FEED = ("<rss><channel><title>p</title><item><guid>g</guid>"
            + "<pubDate>Sun, 29 Nov 2026 09:00:00 GMT</pubDate><podcast:transcript url=\"t.vtt\" type=\"text/vtt\"/>"
            + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    /** Stop starting downloads this long before the timeout: one HTTP deadline (20 s) plus time to write. */
    static final Duration BUDGET_MARGIN = PollBudget.START_MARGIN;

    private final FeedFanOut fanOut;
    private final Clock clock;
    private StageMetrics metrics;

    public FetchFeedsHandler() {
        this(Env.system());
    }

    private FetchFeedsHandler(Env env) {
        this(awsAdapters(env), feedsPerInvocation(env), pollLimits(env));
    }

    public FetchFeedsHandler(Adapters adapters) {
        this(adapters, FeedFanOut.DEFAULT_FEEDS_PER_INVOCATION);
    }

    public FetchFeedsHandler(Adapters adapters, int feedsPerInvocation) {
        this(adapters, feedsPerInvocation, PollLimits.defaults());
    }

    public FetchFeedsHandler(Adapters adapters, int feedsPerInvocation, PollLimits limits) {
        FeedRepository feeds = new FeedRepository(adapters.table());
        FeedPoller poller = new FeedPoller(feeds, new EpisodeRepository(adapters.table()),
                adapters.blobs(), adapters.events(), adapters.http(), adapters.clock(), FeedPoller.DEFAULT_CONCURRENCY,
                FeedPoller.DEFAULT_PER_HOST, System.err, limits);
        this.fanOut = new FeedFanOut(feeds, poller, adapters.events(), feedsPerInvocation);
        this.clock = adapters.clock();
        this.metrics = StageMetrics.forRuntime(Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", null),
                Env.system().optional("STACK_NAME", null), clock);
        Core.getGlobalContext().register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        // Without a Lambda context (tests, local runs) there is no timeout to respect.
        PollBudget budget = context == null ? PollBudget.NONE
                : PollBudget.endingAt(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
        ObjectNode summary;
        if (PipelineEvents.SOURCE.equals(event.source())
                && PipelineEvents.FEED_BATCH_REQUESTED.equals(event.detailType())) {
            FeedBatchRequested batch = event.detailAs(FeedBatchRequested.class, "feedIds", "scheduledTime");
            FeedFanOut.BatchRun run = fanOut.onBatchWithin(batch, budget);
            metrics.feedsPolled(run.report());
            summary = summary(run.report())
                    .put("batchIndex", batch.batchIndex())
                    .put("batchCount", batch.batchCount())
                    .put("scheduledTime", batch.scheduledTime())
                    .put("unsubscribed", run.unsubscribed());
        } else if (PipelineEvents.SCHEDULER_SOURCE.equals(event.source())
                && PipelineEvents.SCHEDULED_EVENT.equals(event.detailType())) {
            FeedFanOut.ScheduledRun run = fanOut.onScheduleWithin(event.time(), budget);
            if (run.polled().isPresent()) {
                metrics.feedsPolled(run.polled().get());
                summary = summary(run.polled().get());
            } else {
                metrics.feedsFannedOut(run.batches(), run.backlog().announced(), run.backlog().publishFailures());
                summary = Json.MAPPER.createObjectNode()
                        .put("feeds", run.feeds())
                        .put("batches", run.batches())
                        .put("announced", run.backlog().announced())
                        .put("publishFailures", run.backlog().publishFailures());
            }
        } else {
            // Thrown, not ignored: the asynchronous invocation fails, Lambda retries it and then hands it to
            // the function's OnFailure destination, where an operator sees it.
            throw new IllegalArgumentException("FetchFeeds takes a " + PipelineEvents.SCHEDULED_EVENT + " from "
                    + PipelineEvents.SCHEDULER_SOURCE + " or a " + PipelineEvents.FEED_BATCH_REQUESTED + " from "
                    + PipelineEvents.SOURCE + ", got \"" + event.detailType() + "\" from \"" + event.source() + "\"");
        }
        Json.MAPPER.writeValue(output, summary);
    }


    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    public FetchFeedsHandler metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return this;
    }

    private static ObjectNode summary(PollReport report) {
        return Json.MAPPER.createObjectNode()
                .put("feeds", report.feeds())
                .put("notModified", report.notModified())
                .put("failed", report.failed())
                .put("newEpisodes", report.newEpisodes())
                .put("announced", report.announced())
                .put("publishFailures", report.publishFailures())
                .put("skipped", report.skipped());
    }

    /**
     * SnapStart: parse a tiny feed before the snapshot so the StAX and date-parsing classes are loaded and
     * warm in every restored copy, and run this function's SDK calls against a canned transport
     * ({@link Priming}). No network and no AWS call: a connection would be stale after restore.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        new FeedParser().parse(PRIME_FEED, URI.create("https://prime.invalid/feed.xml"));
        // Jackson: a batch event in, an announcement out
        EventEnvelope.primeJson(PipelineEvents.FEED_BATCH_REQUESTED, "{\"feedIds\":[\"prime\"],\"batchIndex\":0,"
                + "\"batchCount\":1,\"scheduledTime\":\"2026-01-01T00:00:00Z\"}", FeedBatchRequested.class);
        EventEnvelope.primeJson(PipelineEvents.EPISODE_DISCOVERED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"podcastTitle\":\"P\",\"episodeTitle\":\"E\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}", EpisodeDiscovered.class);
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients hold no connections at checkpoint time
    }

    private static int feedsPerInvocation(Env env) {
        String value = env.optional("FEEDS_PER_INVOCATION", String.valueOf(FeedFanOut.DEFAULT_FEEDS_PER_INVOCATION));
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable FEEDS_PER_INVOCATION is not a number: " + value);
        }
    }

    /** The template's MaxNewEpisodesPerFeed and EpisodeFreshnessHours; the defaults when unset. */
    static PollLimits pollLimits(Env env) {
        return new PollLimits(
                positive("MAX_NEW_EPISODES_PER_FEED", env.optional("MAX_NEW_EPISODES_PER_FEED",
                        String.valueOf(PollLimits.DEFAULT_MAX_NEW_PER_FEED))),
                Duration.ofHours(positive("EPISODE_FRESHNESS_HOURS", env.optional("EPISODE_FRESHNESS_HOURS",
                        String.valueOf(PollLimits.DEFAULT_FRESHNESS.toHours())))),
                PollLimits.DEFAULT_PER_FEED);
    }

    private static int positive(String name, String text) {
        String value = text.strip();
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("environment variable " + name + " must be a whole number of 1 or more: " + value);
    }

    /** Built once per execution environment; the environment is read first so a missing variable fails fast. */
    private static Adapters awsAdapters(Env env) {
        String table = env.require("TABLE_NAME");
        String bucket = env.require("BUCKET_NAME");
        String bus = env.require("EVENT_BUS_NAME");
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        return new Adapters(
                new S3BlobStore(AwsClients.s3(region, null, credentials), bucket),
                new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                null,
                new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials), bus),
                new SafeHttpClient(HttpPolicy.production()),
                Clock.systemUTC(),
                Settings.defaults());
    }
}
