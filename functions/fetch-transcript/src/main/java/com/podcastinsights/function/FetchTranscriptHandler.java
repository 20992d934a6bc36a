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
import com.podcastinsights.aws.S3AudioStore;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.aws.TranscribeSpeechToText;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.transcript.AudioTranscriber;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.transcript.TranscriptCodec;
import com.podcastinsights.transcript.TranscriptFetcher;
import com.podcastinsights.transcript.TranscriptionPolicy;
import com.podcastinsights.transcript.TranscriptParsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Episode Discovered -> stored transcript -> Transcript Stored. */
public final class FetchTranscriptHandler implements RequestStreamHandler, Resource {
    private final TranscriptFetcher fetcher;
    private final Clock clock;
    private StageMetrics metrics;

    public FetchTranscriptHandler() {
        this(Env.system());
    }

    private FetchTranscriptHandler(Env env) {
        this(awsWiring(env));
    }

    private FetchTranscriptHandler(AwsWiring wiring) {
        this(wiring.adapters(), wiring.transcriber());
    }

    private record AwsWiring(Adapters adapters, AudioTranscriber transcriber) {
    }

    public FetchTranscriptHandler(Adapters adapters) {
        this(adapters, null);
    }

    /** {@code transcriber} null: no speech-to-text, show notes stand in for a missing transcript. */
    public FetchTranscriptHandler(Adapters adapters, AudioTranscriber transcriber) {
        this.fetcher = new TranscriptFetcher(new EpisodeRepository(adapters.table()), adapters.blobs(),
                adapters.events(), adapters.http(), new FeedRepository(adapters.table()), transcriber, System.err);
        this.clock = adapters.clock();
        this.metrics = StageMetrics.forRuntime(Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", null),
                Env.system().optional("STACK_NAME", null), clock);
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
        TranscriptFetcher.Outcome outcome = fetcher.fetchReporting(discovered);
        Optional<TranscriptStored> stored = outcome.stored();
        metrics.transcript(stored);
        if (outcome.transcriptionSkipped() != null) metrics.transcriptionSkipped(skipReason(outcome.transcriptionSkipped()));
        ObjectNode summary = Json.MAPPER.createObjectNode()
                .put("feedId", discovered.feedId())
                .put("episodeId", discovered.episodeId())
                .put("stored", stored.isPresent())
                .put("linksTried", outcome.linksTried())
                .put("linksFailed", outcome.linksFailed());
        if (outcome.transcriptionSkipped() != null) {
            summary.put("transcriptionSkipped", skipReason(outcome.transcriptionSkipped()));
        }
        stored.ifPresent(s -> summary.put("transcriptKey", s.transcriptKey())
                .put("source", s.source())
                .put("segments", s.segments()));
        Json.MAPPER.writeValue(output, summary);
    }


    /** The metric's Reason label: DailyCap or NotFresh. */
    static String skipReason(AudioTranscriber.Outcome skipped) {
        return skipped == AudioTranscriber.Outcome.SKIPPED_DAILY_CAP ? "DailyCap" : "NotFresh";
    }

    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    public FetchTranscriptHandler metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return this;
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
    private static AwsWiring awsWiring(Env env) {
        String table = env.require("TABLE_NAME");
        String bucket = env.require("BUCKET_NAME");
        String bus = env.require("EVENT_BUS_NAME");
        TranscriptionPolicy transcription = transcriptionPolicy(env);
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        var s3 = AwsClients.s3(region, null, credentials);
        var http = new SafeHttpClient(HttpPolicy.production());
        Adapters adapters = new Adapters(
                new S3BlobStore(s3, bucket),
                new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                null,
                new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials), bus),
                http,
                Clock.systemUTC(),
                Settings.defaults());
        // no Transcribe client at all unless the stack turned speech-to-text on
        AudioTranscriber transcriber = transcription.enabled()
                ? new AudioTranscriber(http, new S3AudioStore(s3, bucket),
                        new TranscribeSpeechToText(AwsClients.transcribe(region, null, credentials), bucket), transcription,
                        adapters.table(), adapters.clock())
                : null;
        return new AwsWiring(adapters, transcriber);
    }

    /** The stack's TranscribeEnabled parameter and its limits; off unless TRANSCRIBE_ENABLED is "true". */
    static TranscriptionPolicy transcriptionPolicy(Env env) {
        if (!Boolean.parseBoolean(env.optional("TRANSCRIBE_ENABLED", "false"))) return TranscriptionPolicy.off();
        return new TranscriptionPolicy(true,
                env.require("TRANSCRIBE_JOB_PREFIX"),
                Long.parseLong(env.optional("TRANSCRIBE_MAX_AUDIO_MB", "500")) * 1024 * 1024,
                Integer.parseInt(env.optional("TRANSCRIBE_MAX_SPEAKERS", "4")),
                Duration.ofSeconds(Long.parseLong(env.optional("TRANSCRIBE_DOWNLOAD_TIMEOUT_SECONDS", "600"))),
                Long.parseLong(env.optional("TRANSCRIBE_DAILY_MINUTES_CAP",
                        String.valueOf(TranscriptionPolicy.DEFAULT_DAILY_MINUTES)).strip()),
                Double.parseDouble(env.optional("TRANSCRIBE_DAILY_COST_CAP_USD",
                        String.valueOf(TranscriptionPolicy.DEFAULT_DAILY_COST_USD)).strip()),
                Double.parseDouble(env.optional("TRANSCRIBE_USD_PER_MINUTE",
                        String.valueOf(TranscriptionPolicy.DEFAULT_USD_PER_MINUTE)).strip()),
                Duration.ofHours(Long.parseLong(env.optional("EPISODE_FRESHNESS_HOURS",
                        String.valueOf(TranscriptionPolicy.DEFAULT_FRESHNESS.toHours())).strip())));
    }
}
