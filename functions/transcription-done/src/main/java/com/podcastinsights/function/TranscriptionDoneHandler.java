package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.transcript.TranscriptionCompletion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Amazon Transcribe "Transcribe Job State Change" (default bus, COMPLETED or FAILED, our job-name prefix) ->
 * the episode's transcript stored -> Transcript Stored on the app's bus.
 */
public final class TranscriptionDoneHandler implements RequestStreamHandler {
    static final String SOURCE = "aws.transcribe";
    static final String DETAIL_TYPE = "Transcribe Job State Change";

    private final TranscriptionCompletion completion;

    public TranscriptionDoneHandler() {
        this(Env.system());
    }

    private TranscriptionDoneHandler(Env env) {
        this(awsAdapters(env), env.require("TRANSCRIBE_JOB_PREFIX"));
    }

    public TranscriptionDoneHandler(Adapters adapters, String jobPrefix) {
        this.completion = new TranscriptionCompletion(new EpisodeRepository(adapters.table()), adapters.blobs(),
                adapters.events(), jobPrefix, System.err);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (!SOURCE.equals(event.path("source").asText()) || !DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            throw new IllegalArgumentException("expected " + SOURCE + " " + DETAIL_TYPE + " but got "
                    + event.path("source").asText() + " " + event.path("detail-type").asText());
        }
        JsonNode detail = event.path("detail");
        String job = detail.path("TranscriptionJobName").asText("");
        String status = detail.path("TranscriptionJobStatus").asText("");
        if (job.isBlank() || !(status.equals("COMPLETED") || status.equals("FAILED"))) {
            throw new IllegalArgumentException("job-state change without a job name or a final status: " + detail);
        }
        String reason = detail.hasNonNull("FailureReason") ? detail.get("FailureReason").asText() : null;
        Optional<TranscriptStored> stored = completion.jobEnded(job, status.equals("COMPLETED"), reason);
        ObjectNode summary = Json.MAPPER.createObjectNode()
                .put("job", job)
                .put("status", status)
                .put("stored", stored.isPresent());
        stored.ifPresent(s -> summary.put("transcriptKey", s.transcriptKey()).put("source", s.source())
                .put("segments", s.segments()));
        Json.MAPPER.writeValue(output, summary);
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
                null,
                Clock.systemUTC(),
                Settings.defaults());
    }
}
