package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.S3AudioStore;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.aws.TranscribeSpeechToText;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.port.Table;
import com.podcastinsights.stage.FetchTranscriptStage;
import com.podcastinsights.stage.Wiring;
import com.podcastinsights.transcript.AudioTranscriber;
import com.podcastinsights.transcript.TranscriptFetcher;
import com.podcastinsights.transcript.TranscriptParsers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * FetchTranscript in Lambda: the environment read once, the AWS adapters built once per execution environment
 * (Transcribe only when the stack turned speech-to-text on), the stage built by {@link FetchTranscriptStage} as the
 * CLI builds it, and the SnapStart priming.
 */
final class FetchTranscriptLambda {
    private FetchTranscriptLambda() {
    }

    static Wiring<TranscriptFetcher> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"), env.require("BUCKET_NAME"), env.require("EVENT_BUS_NAME"));
        FetchTranscriptStage.Config config = FetchTranscriptStage.Config.from(env);
        var http = new SafeHttpClient(HttpPolicy.production());
        Table table = aws.table();
        AudioTranscriber transcriber = config.transcription().enabled()
                ? FetchTranscriptStage.transcriber(config, http, new S3AudioStore(aws.s3(), aws.bucketName()),
                        new TranscribeSpeechToText(aws.transcribe(), aws.bucketName()), table,
                        Clock.systemUTC())
                : null;
        return new Wiring<>(FetchTranscriptStage.build(table, aws.bucket(), aws.bus(), http, transcriber),
                StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null), env.optional("STACK_NAME", null),
                        Clock.systemUTC()), SnapStart.register(FetchTranscriptLambda::prime));
    }

    /**
     * SnapStart: parse a tiny transcript of each structured format before the snapshot so the parsers and Jackson
     * (the events in and out included) are loaded and warm in every restored copy, and run the SDK calls this
     * function makes against canned answers on loopback ({@link Priming}): no network and no AWS call.
     */
    static void prime() throws Exception {
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
        Priming.containerCredentials();
        // Jackson: the event in, the event out
        EventEnvelope.primeJson(PipelineEvents.EPISODE_DISCOVERED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"podcastTitle\":\"P\",\"episodeTitle\":\"E\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}", EpisodeDiscovered.class);
        EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"transcriptKey\":\"transcripts/prime.json\",\"source\":\"vtt\",\"segments\":3}", TranscriptStored.class);
        TranscriptParsers.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi.\n".getBytes(StandardCharsets.UTF_8), "text/vtt");
        TranscriptParsers.parse("1\n00:00:01,000 --> 00:00:02,000\nA: Hi.\n".getBytes(StandardCharsets.UTF_8), "application/srt");
        TranscriptParsers.parse("{\"segments\":[{\"speaker\":\"A\",\"startTime\":1,\"endTime\":2,\"body\":\"Hi.\"}]}"
                .getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
