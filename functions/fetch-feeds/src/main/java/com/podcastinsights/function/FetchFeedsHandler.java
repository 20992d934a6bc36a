package com.podcastinsights.function;

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
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Scheduled: polls every feed once. The event's content does not matter, only that it is a JSON object. */
public final class FetchFeedsHandler implements RequestStreamHandler, Resource {
    private static final byte[] PRIME_FEED = ("<rss><channel><title>p</title><item><guid>g</guid>"
            + "<pubDate>Sun, 29 Nov 2026 09:00:00 GMT</pubDate><podcast:transcript url=\"t.vtt\" type=\"text/vtt\"/>"
            + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    /** Stop starting downloads this long before the timeout: one HTTP deadline (20 s) plus time to write. */
    static final Duration BUDGET_MARGIN = Duration.ofSeconds(30);

    private final FeedPoller poller;
    private final Clock clock;

    public FetchFeedsHandler() {
        this(awsAdapters(Env.system()));
    }

    public FetchFeedsHandler(Adapters adapters) {
        this.poller = new FeedPoller(new FeedRepository(adapters.table()), new EpisodeRepository(adapters.table()),
                adapters.blobs(), adapters.events(), adapters.http(), adapters.clock());
        this.clock = adapters.clock();
        Core.getGlobalContext().register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope.parse(input);
        // Without a Lambda context (tests, local runs) there is no timeout to respect.
        Instant startBy = context == null ? null
                : clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(BUDGET_MARGIN);
        PollReport report = poller.pollAll(startBy);
        ObjectNode summary = EventEnvelope.JSON.createObjectNode()
                .put("feeds", report.feeds())
                .put("notModified", report.notModified())
                .put("failed", report.failed())
                .put("newEpisodes", report.newEpisodes())
                .put("announced", report.announced())
                .put("publishFailures", report.publishFailures())
                .put("skipped", report.skipped());
        EventEnvelope.JSON.writeValue(output, summary);
    }

    /**
     * SnapStart: parse a tiny feed before the snapshot so the StAX and date-parsing classes are loaded and
     * warm in every restored copy, and run this function's SDK calls against a canned transport
     * ({@link Priming}). No network and no AWS call: a connection would be stale after restore.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        new FeedParser().parse(PRIME_FEED, URI.create("https://prime.invalid/feed.xml"));
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients hold no connections at checkpoint time
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
