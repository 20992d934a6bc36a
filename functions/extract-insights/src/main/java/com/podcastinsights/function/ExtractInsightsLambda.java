package com.podcastinsights.function;

import com.podcastinsights.aws.BedrockLanguageModel;
import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.insight.ExtractedInsight;
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.insight.InsightRewriter;
import com.podcastinsights.insight.ModelReview;
import com.podcastinsights.insight.ShowHistory;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.port.Table;
import com.podcastinsights.stage.ExtractInsightsStage;
import com.podcastinsights.stage.Wiring;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.TranscriptCodec;

import java.time.Clock;
import java.util.List;

/**
 * ExtractInsights in Lambda: the environment read once, the AWS adapters built once per execution environment
 * (Bedrock only when a rewrite model is set), the stage built by {@link ExtractInsightsStage} as the CLI builds
 * it, and the SnapStart priming.
 */
final class ExtractInsightsLambda {
    private ExtractInsightsLambda() {
    }

    static Wiring<ExtractionService> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"), env.require("BUCKET_NAME"), env.require("EVENT_BUS_NAME"));
        ExtractInsightsStage.Config config = ExtractInsightsStage.Config.from(env);
        Table table = aws.table();
        return new Wiring<>(ExtractInsightsStage.build(config, aws.bucket(), table, aws.bus(), Clock.systemUTC(),
                rewriter(config, table, aws)), StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC()), SnapStart.register(ExtractInsightsLambda::prime));
    }

    /** The optional model step: off, with no client built, when no rewrite model is set. */
    static InsightRewriter rewriter(ExtractInsightsStage.Config config, Table table, LambdaPorts aws) {
        if (!config.rewrites()) return InsightRewriter.NONE;
        return new ModelReview(new BedrockLanguageModel(aws.bedrock(), config.rewriteModel()),
                ExtractInsightsStage.rewriteBudget(config, table, Clock.systemUTC()));
    }

    /**
     * SnapStart: turn a made-up episode of a few dozen segments ({@link PrimingEpisode}) into insights, run the Jackson paths of its events and stored transcript, and run this
     * function's SDK calls over the real transport to a loopback server answering as the service would ({@link Priming}) before the snapshot, so the ranking code
     * and the SDK pipeline are loaded and warm in every restored copy. No network and no AWS call.
     */
    static void prime() throws Exception {
        Transcript transcript = PrimingEpisode.transcript();
        // twice: the second run, with the first as the show's history, takes the history branch and more JIT profile
        List<ExtractedInsight> found = new InsightExtractor().insights(transcript, PrimingEpisode.episode(),
                "2026-01-01", 5);
        new InsightExtractor().insights(transcript, PrimingEpisode.episode(), "2026-01-01", 5,
                ShowHistory.ofTranscripts(List.of(transcript)));
        // Jackson: the event in, the stored transcript read, the event and the result out
        EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"transcriptKey\":\"transcripts/prime.json\",\"source\":\"vtt\",\"segments\":3}", TranscriptStored.class);
        EventEnvelope.primeJson(PipelineEvents.INSIGHTS_EXTRACTED,
                "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"day\":\"2026-01-01\",\"insights\":1}",
                InsightsExtracted.class);
        TranscriptCodec.read(TranscriptCodec.write(transcript));
        Priming.s3();
        // the first run's insights (the second finds none: its history is itself) saved as the stage saves them
        // (keys, score formatting, attribute types) to a throwaway table; their metric line built and dropped
        Priming.dynamoDb(table -> new InsightRepository(table).save("prime", found, "2026-01-01T00:00:00Z"));
        new StageMetrics(MetricsSink.NONE, "prime", Clock.systemUTC())
                .insights(new InsightsExtracted("prime", "prime", "2026-01-01", found.size()));
        Priming.eventBridge();
        Priming.containerCredentials();
    }
}
