package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.BedrockConverseClient;
import com.podcastinsights.aws.BedrockRewriter;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.insight.InsightRewriter;
import com.podcastinsights.insight.RewriteBudget;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.TranscriptCodec;
import org.crac.Core;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Transcript Stored -> the episode's best insights in the table, then Insights Extracted. */
public final class ExtractInsightsHandler implements RequestStreamHandler, Resource {
    private final ExtractionService service;
    private final Clock clock;
    private StageMetrics metrics;

    /** Lambda's constructor: builds the AWS adapters once per execution environment. */
    public ExtractInsightsHandler() {
        this(awsAdapters(Env.system()), Env.system());
    }

    private ExtractInsightsHandler(Adapters adapters, Env env) {
        this(adapters, rewriter(env, adapters.table()));
    }

    public ExtractInsightsHandler(Adapters adapters) {
        this(adapters, InsightRewriter.NONE);
    }

    public ExtractInsightsHandler(Adapters adapters, InsightRewriter rewriter) {
        this.service = new ExtractionService(adapters.blobs(), adapters.table(), adapters.events(), adapters.clock(),
                adapters.settings(), rewriter);
        this.clock = adapters.clock();
        this.metrics = StageMetrics.forRuntime(Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", null),
                Env.system().optional("STACK_NAME", null), clock);
        Core.getGlobalContext().register(this);
    }

    /**
     * SnapStart: rank a small transcript, run the Jackson paths of its events and stored transcript, and run this function's SDK calls against a canned transport
     * ({@link Priming}) before the snapshot, so the ranking code and the SDK pipeline are loaded and warm in every
     * restored copy. No network and no AWS call.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
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
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the clients hold no connections at checkpoint time
    }

    private static final Transcript PRIME_TRANSCRIPT = new Transcript("prime", "prime", "en", "vtt", List.of(
            new Segment(0, 9.0, "Host", "Welcome back to the show, everyone, and thanks for listening today."),
            new Segment(9, 21.0, "Guest", "Batteries store four hours of energy because the evening peak lasts"
                    + " about that long, which means a fifth hour earns far less than it costs."),
            new Segment(21, 30.0, "Host", "So what does that mean for the grid over the next ten years?")));

    static Adapters awsAdapters(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String table = env.require("TABLE_NAME");
        String bucket = env.require("BUCKET_NAME");
        String bus = env.require("EVENT_BUS_NAME");
        ZoneId zone = ZoneId.of(env.require("DIGEST_TIME_ZONE"));
        Settings d = Settings.defaults();
        Settings settings = new Settings(d.senderAddress(), zone, d.insightsPerEpisode(), d.digestSize(),
                d.maxPerEpisodeInDigest());
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        return new Adapters(
                new S3BlobStore(AwsClients.s3(region, null, credentials), bucket),
                new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                null,
                new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials), bus),
                null, Clock.systemUTC(), settings);
    }

    /**
     * The optional abstractive step (template parameter InsightRewriteModelId): off, with no client built, when
     * REWRITE_MODEL_ID is empty. Prices are per million tokens, as the model's pricing page states them. The
     * day's budget is a counter item in {@code table}, shared by every environment of the function.
     */
    static InsightRewriter rewriter(Env env, com.podcastinsights.port.Table table) {
        String model = env.optional("REWRITE_MODEL_ID", "");
        long tokenCap = Long.parseLong(env.optional("REWRITE_DAILY_TOKEN_CAP", "200000"));
        double costCap = Double.parseDouble(env.optional("REWRITE_DAILY_COST_CAP_USD", "0.50"));
        double inPrice = Double.parseDouble(env.optional("REWRITE_INPUT_USD_PER_MTOK", "1.0"));
        double outPrice = Double.parseDouble(env.optional("REWRITE_OUTPUT_USD_PER_MTOK", "5.0"));
        if (model.isBlank()) return InsightRewriter.NONE;
        var budget = new RewriteBudget(table, tokenCap, costCap, inPrice, outPrice, Clock.systemUTC());
        return new BedrockRewriter(new BedrockConverseClient(UrlConnectionHttpClient.create(),
                AwsClients.lambdaRegion(), AwsClients.lambdaCredentials(), null), model, budget);
    }


    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    public ExtractInsightsHandler metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return this;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.TRANSCRIPT_STORED.equals(event.detailType())) {
            throw new IllegalArgumentException("expected a " + PipelineEvents.TRANSCRIPT_STORED + " event, got "
                    + event.detailType());
        }
        TranscriptStored stored = event.detailAs(TranscriptStored.class, "feedId", "episodeId", "transcriptKey");
        InsightsExtracted result = service.extract(stored);
        metrics.insights(result);
        Json.MAPPER.writeValue(output, result);
    }
}
