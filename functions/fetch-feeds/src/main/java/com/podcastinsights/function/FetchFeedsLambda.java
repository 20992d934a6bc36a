package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.FeedBatchRequested;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.FeedFanOut;
import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.stage.FetchFeedsStage;
import com.podcastinsights.stage.Wiring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * FetchFeeds in Lambda: the environment read once, the AWS adapters built once per execution environment, the
 * stage built by {@link FetchFeedsStage} as the CLI builds it, and the SnapStart priming.
 */
final class FetchFeedsLambda {
    private static final byte[] PRIME_FEED = ("<rss><channel><title>p</title><item><guid>g</guid>"
            + "<pubDate>Sun, 29 Nov 2026 09:00:00 GMT</pubDate><podcast:transcript url=\"t.vtt\" type=\"text/vtt\"/>"
            + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    private FetchFeedsLambda() {
    }

    static Wiring<FeedFanOut> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"), env.require("BUCKET_NAME"), env.require("EVENT_BUS_NAME"));
        FetchFeedsStage.Config config = FetchFeedsStage.Config.from(env);
        StageMetrics metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        return new Wiring<>(FetchFeedsStage.build(config, aws.table(), aws.bucket(), aws.bus(),
                new SafeHttpClient(HttpPolicy.production()), Clock.systemUTC()), metrics,
                SnapStart.register(FetchFeedsLambda::prime));
    }

    /**
     * SnapStart: parse a tiny feed before the snapshot so the StAX and date-parsing classes are loaded and
     * warm in every restored copy, and run this function's SDK calls against canned answers on loopback
     * ({@link Priming}). No network and no AWS call: a connection would be stale after restore.
     */
    static void prime() throws Exception {
        new FeedParser().parse(PRIME_FEED, URI.create("https://prime.invalid/feed.xml"));
        // Jackson: a batch event in, an announcement out
        EventEnvelope.primeJson(PipelineEvents.FEED_BATCH_REQUESTED, "{\"feedIds\":[\"prime\"],\"batchIndex\":0,"
                + "\"batchCount\":1,\"scheduledTime\":\"2026-01-01T00:00:00Z\"}", FeedBatchRequested.class);
        EventEnvelope.primeJson(PipelineEvents.EPISODE_DISCOVERED, "{\"feedId\":\"prime\",\"episodeId\":\"prime\",\"podcastTitle\":\"P\",\"episodeTitle\":\"E\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}", EpisodeDiscovered.class);
        Priming.s3();
        Priming.dynamoDb();
        Priming.eventBridge();
        Priming.containerCredentials();
    }
}
