package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.insight.ExtractionService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;

/** Transcript Stored -> the episode's best insights in the table, then Insights Extracted. */
public final class ExtractInsightsHandler implements RequestStreamHandler {
    private final ExtractionService service;

    /** Lambda's constructor: builds the AWS adapters once per execution environment. */
    public ExtractInsightsHandler() {
        this(awsAdapters(Env.system()));
    }

    public ExtractInsightsHandler(Adapters adapters) {
        this.service = new ExtractionService(adapters.blobs(), adapters.table(), adapters.events(), adapters.clock(),
                adapters.settings());
    }

    static Adapters awsAdapters(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String table = env.require("TABLE_NAME");
        String bucket = env.require("BUCKET_NAME");
        String bus = env.require("EVENT_BUS_NAME");
        ZoneId zone = ZoneId.of(env.require("DIGEST_TIME_ZONE"));
        Settings d = Settings.defaults();
        Settings settings = new Settings(d.senderAddress(), zone, d.insightsPerEpisode(), d.digestSize(),
                d.maxPerEpisodeInDigest());
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        return new Adapters(
                new S3BlobStore(AwsClients.s3(region, null, credentials), bucket),
                new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                null,
                new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials), bus),
                null, Clock.systemUTC(), settings);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.TRANSCRIPT_STORED.equals(event.detailType())) {
            throw new IllegalArgumentException("expected a " + PipelineEvents.TRANSCRIPT_STORED + " event, got "
                    + event.detailType());
        }
        TranscriptStored stored = event.detailAs(TranscriptStored.class, "feedId", "episodeId", "transcriptKey");
        InsightsExtracted result = service.extract(stored);
        EventEnvelope.JSON.writeValue(output, result);
    }
}
