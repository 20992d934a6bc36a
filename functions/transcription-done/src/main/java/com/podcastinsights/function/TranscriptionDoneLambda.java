package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.stage.TranscriptionDoneStage;
import com.podcastinsights.stage.Wiring;
import com.podcastinsights.transcript.TranscriptParsers;
import com.podcastinsights.transcript.TranscriptionCompletion;

import java.nio.charset.StandardCharsets;

/**
 * TranscriptionDone in Lambda: the environment read once, the AWS adapters built once per execution environment,
 * and the SnapStart priming.
 */
final class TranscriptionDoneLambda {
    private TranscriptionDoneLambda() {
    }

    /** The stage, no metrics (this function reports none), and the SnapStart registration to keep. */
    static Wiring<TranscriptionCompletion> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"), env.require("BUCKET_NAME"), env.require("EVENT_BUS_NAME"));
        TranscriptionDoneStage.Config config = TranscriptionDoneStage.Config.from(env);
        return new Wiring<>(TranscriptionDoneStage.build(config, aws.table(), aws.bucket(), aws.bus()), null,
                SnapStart.register(TranscriptionDoneLambda::prime));
    }

    /**
     * SnapStart: the SDK calls this function makes against canned answers on loopback ({@link Priming}), the credentials
     * path, a tiny Amazon Transcribe output through the parser and the event out through Jackson. No network.
     */
    static void prime() throws Exception {
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
        Priming.containerCredentials();
        TranscriptParsers.parse(("{\"jobName\":\"prime\",\"results\":{\"transcripts\":[{\"transcript\":\"Hi.\"}],"
                + "\"items\":[{\"type\":\"pronunciation\",\"start_time\":\"1.0\",\"end_time\":\"1.5\","
                + "\"alternatives\":[{\"content\":\"Hi\"}]},{\"type\":\"punctuation\",\"alternatives\":"
                + "[{\"content\":\".\"}]}]}}").getBytes(StandardCharsets.UTF_8), "application/json");
        EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\","
                + "\"transcriptKey\":\"transcripts/prime.json\",\"source\":\"transcribe\",\"segments\":1}",
                TranscriptStored.class);
    }
}
