package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.config.Env;
import com.podcastinsights.stage.TranscriptionDoneStage;
import com.podcastinsights.transcript.TranscriptionCompletion;

/** TranscriptionDone in Lambda: the environment read once, the AWS adapters built once per execution environment. */
final class TranscriptionDoneLambda {
    private TranscriptionDoneLambda() {
    }

    static TranscriptionCompletion completion(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String table = env.require("TABLE_NAME");
        String bucket = env.require("BUCKET_NAME");
        String bus = env.require("EVENT_BUS_NAME");
        TranscriptionDoneStage.Config config = TranscriptionDoneStage.Config.from(env);
        LambdaPorts aws = new LambdaPorts();
        return TranscriptionDoneStage.build(config, aws.table(table), aws.bucket(bucket), aws.bus(bus));
    }
}
