package com.podcastinsights.function;

import com.podcastinsights.aws.BedrockConverseClient;
import com.podcastinsights.aws.BedrockLanguageModel;
import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.insight.InsightRewriter;
import com.podcastinsights.insight.ModelReview;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.port.Table;
import com.podcastinsights.stage.ExtractInsightsStage;
import com.podcastinsights.stage.Wiring;
import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.TranscriptCodec;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.time.Clock;
import java.util.List;

/**
 * ExtractInsights in Lambda: the environment read once, the AWS adapters built once per execution environment
 * (Bedrock only when a rewrite model is set), the stage built by {@link ExtractInsightsStage} as the CLI builds
 * it, and the SnapStart priming.
 */
final class ExtractInsightsLambda {
    private static final Transcript PRIME_TRANSCRIPT = new Transcript("prime", "prime", "en", "vtt", List.of(
            new Segment(0, 9.0, "Host", "Welcome back to the show, everyone, and thanks for listening today."),
            new Segment(9, 21.0, "Guest", "Batteries store four hours of energy because the evening peak lasts"
                    + " about that long, which means a fifth hour earns far less than it costs."),
            new Segment(21, 30.0, "Host", "So what does that mean for the grid over the next ten years?")));

    private final SnapStart snapStart = SnapStart.register(ExtractInsightsLambda::prime);

    private ExtractInsightsLambda() {
    }

    static Wiring<ExtractionService> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String tableName = env.require("TABLE_NAME");
        String bucket = env.require("BUCKET_NAME");
        String bus = env.require("EVENT_BUS_NAME");
        ExtractInsightsStage.Config config = ExtractInsightsStage.Config.from(env);
        LambdaPorts aws = new LambdaPorts();
        Table table = aws.table(tableName);
        StageMetrics metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        return new Wiring<>(ExtractInsightsStage.build(config, aws.bucket(bucket), table, aws.bus(bus),
                Clock.systemUTC(), rewriter(config, table, aws)), metrics,
                new ExtractInsightsLambda());
    }

    /** The optional model step: off, with no client built, when no rewrite model is set. */
    static InsightRewriter rewriter(ExtractInsightsStage.Config config, Table table, LambdaPorts aws) {
        if (!config.rewrites()) return InsightRewriter.NONE;
        return new ModelReview(new BedrockLanguageModel(new BedrockConverseClient(UrlConnectionHttpClient.create(),
                aws.region(), aws.credentials(), null), config.rewriteModel()),
                ExtractInsightsStage.rewriteBudget(config, table, Clock.systemUTC()));
    }

    /**
     * SnapStart: rank a small transcript, run the Jackson paths of its events and stored transcript, and run this
     * function's SDK calls against a canned transport ({@link Priming}) before the snapshot, so the ranking code
     * and the SDK pipeline are loaded and warm in every restored copy. No network and no AWS call.
     */
    static void prime() throws Exception {
        new InsightExtractor().rank(PRIME_TRANSCRIPT, 5);
        // Jackson: the event in, the stored transcript read, the event and the result out
        EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"transcriptKey\":\"transcripts/prime.json\",\"source\":\"vtt\",\"segments\":3}", TranscriptStored.class);
        EventEnvelope.primeJson(PipelineEvents.INSIGHTS_EXTRACTED,
                "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"day\":\"2026-01-01\",\"insights\":1}",
                InsightsExtracted.class);
        TranscriptCodec.read(TranscriptCodec.write(PRIME_TRANSCRIPT));
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
        Priming.containerCredentials();
    }
}
