package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** Scheduled: polls every feed once. The event's content does not matter, only that it is a JSON object. */
public final class FetchFeedsHandler implements RequestStreamHandler {
    private final FeedPoller poller;

    public FetchFeedsHandler() {
        this(awsAdapters(Env.system()));
    }

    public FetchFeedsHandler(Adapters adapters) {
        this.poller = new FeedPoller(new FeedRepository(adapters.table()), new EpisodeRepository(adapters.table()),
                adapters.blobs(), adapters.events(), adapters.http(), adapters.clock());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope.parse(input);
        PollReport report = poller.pollAll();
        ObjectNode summary = EventEnvelope.JSON.createObjectNode()
                .put("feeds", report.feeds())
                .put("notModified", report.notModified())
                .put("failed", report.failed())
                .put("newEpisodes", report.newEpisodes())
                .put("announced", report.announced())
                .put("publishFailures", report.publishFailures());
        EventEnvelope.JSON.writeValue(output, summary);
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
