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
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.transcript.TranscriptCodec;
import com.podcastinsights.transcript.TranscriptFetcher;
import com.podcastinsights.transcript.TranscriptParsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** Episode Discovered -> stored transcript -> Transcript Stored. */
public final class FetchTranscriptHandler implements RequestStreamHandler, Resource {
    private final TranscriptFetcher fetcher;

    public FetchTranscriptHandler() {
        this(awsAdapters(Env.system()));
    }

    public FetchTranscriptHandler(Adapters adapters) {
        this.fetcher = new TranscriptFetcher(new EpisodeRepository(adapters.table()), adapters.blobs(),
                adapters.events(), adapters.http());
        Core.getGlobalContext().register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope envelope = EventEnvelope.parse(input);
        if (!PipelineEvents.EPISODE_DISCOVERED.equals(envelope.detailType())) {
            throw new IllegalArgumentException("expected " + PipelineEvents.EPISODE_DISCOVERED + " but got "
                    + envelope.detailType());
        }
        EpisodeDiscovered discovered = envelope.detailAs(EpisodeDiscovered.class, "feedId", "episodeId");
        Optional<TranscriptStored> stored = fetcher.fetch(discovered);
        ObjectNode summary = EventEnvelope.JSON.createObjectNode()
                .put("feedId", discovered.feedId())
                .put("episodeId", discovered.episodeId())
                .put("stored", stored.isPresent());
        stored.ifPresent(s -> summary.put("transcriptKey", s.transcriptKey())
                .put("source", s.source())
                .put("segments", s.segments()));
        EventEnvelope.JSON.writeValue(output, summary);
    }

    /**
     * SnapStart: parse a tiny transcript of each structured format before the snapshot so the parsers and
     * Jackson (the events in and out included) are loaded and warm in every restored copy, and run the SDK calls this function makes against a
     * canned transport ({@link Priming}): no network and no AWS call.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
        // Jackson: the event in, the event out
        EventEnvelope.primeJson(PipelineEvents.EPISODE_DISCOVERED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"podcastTitle\":\"P\",\"episodeTitle\":\"E\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}", EpisodeDiscovered.class);
        EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"transcriptKey\":\"transcripts/prime.json\",\"source\":\"vtt\",\"segments\":3}", TranscriptStored.class);
        TranscriptParsers.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi.\n".getBytes(StandardCharsets.UTF_8), "text/vtt");
        TranscriptParsers.parse("1\n00:00:01,000 --> 00:00:02,000\nA: Hi.\n".getBytes(StandardCharsets.UTF_8), "application/srt");
        TranscriptParsers.parse("{\"segments\":[{\"speaker\":\"A\",\"startTime\":1,\"endTime\":2,\"body\":\"Hi.\"}]}"
                .getBytes(StandardCharsets.UTF_8), "application/json");
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
