package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.insight.InsightRewriter;
import com.podcastinsights.insight.RewriteBudget;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Table;

import java.time.Clock;

/** ExtractInsights: a stored transcript -> the episode's best insights in the table, announced. */
public final class ExtractInsightsStage {
    private ExtractInsightsStage() {
    }

    /**
     * The digest's zone (the day an insight belongs to) and the optional model step (template parameter
     * InsightRewriteModelId): off when REWRITE_MODEL_ID is empty. Prices are per million tokens, as the model's
     * pricing page states them.
     */
    public record Config(Settings settings, String rewriteModel, long rewriteDailyTokens, double rewriteDailyCostUsd,
                         double inputUsdPerMillion, double outputUsdPerMillion) {
        /** No model step. */
        public static Config local(Settings settings) {
            return new Config(settings, "", 0, 0, 0, 0);
        }

        public static Config from(Env env) {
            return new Config(Settings.defaults().withDigestZone(env.zone("DIGEST_TIME_ZONE")),
                    env.optional("REWRITE_MODEL_ID", ""),
                    env.wholeNumber("REWRITE_DAILY_TOKEN_CAP", 200_000, 0),
                    env.decimal("REWRITE_DAILY_COST_CAP_USD", 0.50),
                    env.decimal("REWRITE_INPUT_USD_PER_MTOK", 1.0),
                    env.decimal("REWRITE_OUTPUT_USD_PER_MTOK", 5.0));
        }

        public boolean rewrites() {
            return !rewriteModel.isBlank();
        }
    }

    public static ExtractionService build(Config config, BlobStore blobs, Table table, EventPublisher events,
                                          Clock clock, InsightRewriter rewriter) {
        return new ExtractionService(blobs, table, events, clock, config.settings(), rewriter);
    }

    /** The model step's daily budget: a counter item in {@code table}, shared by every environment of the function. */
    public static RewriteBudget rewriteBudget(Config config, Table table, Clock clock) {
        return new RewriteBudget(table, config.rewriteDailyTokens(), config.rewriteDailyCostUsd(),
                config.inputUsdPerMillion(), config.outputUsdPerMillion(), clock);
    }
}
