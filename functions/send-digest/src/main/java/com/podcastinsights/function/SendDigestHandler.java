package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestRenderer;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.SendPacer;
import com.podcastinsights.digest.Refreshed;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.insight.Insight;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The hourly schedule -> one digest email to each active subscriber whose local send hour it is, for their
 * day. The event's time, not the clock, decides both, so a replay targets the hour it was meant for.
 */
public final class SendDigestHandler implements RequestStreamHandler, Resource {
    private final DigestSender sender;
    private final Clock clock;
    private StageMetrics metrics;

    /** Lambda's constructor: builds the AWS adapters once per execution environment. */
    public SendDigestHandler() {
        this(Env.system());
    }

    private SendDigestHandler(Env env) {
        this(awsAdapters(env), awsUnsubscribeLinks(env));
        sender.pacedBy(SendPacer.perSecond(Double.parseDouble(env.optional("SES_MAX_SEND_RATE", "1"))))
                .withDefaultSendHour(Integer.valueOf(env.optional("DEFAULT_SEND_HOUR", "7")));
    }

    /** Local runs and tests: unsubscribe links signed with a key of this process. */
    public SendDigestHandler(Adapters adapters) {
        this.sender = new DigestSender(adapters.table(), adapters.mailer(), adapters.clock(), adapters.settings());
        this.clock = adapters.clock();
        this.metrics = StageMetrics.forRuntime(Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", null),
                Env.system().optional("STACK_NAME", null), clock);
        Core.getGlobalContext().register(this);
    }

    public SendDigestHandler(Adapters adapters, UnsubscribeLinks unsubscribe) {
        this.sender = new DigestSender(adapters.table(), adapters.mailer(), adapters.clock(), adapters.settings(),
                unsubscribe);
        this.clock = adapters.clock();
        this.metrics = StageMetrics.forRuntime(Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", null),
                Env.system().optional("STACK_NAME", null), clock);
        Core.getGlobalContext().register(this);
    }

    /**
     * SnapStart: run this function's SDK calls against a canned transport ({@link Priming}) before the snapshot,
     * and render a sample digest, so marshalling, signing, endpoint rules, Jackson and the renderer are warm in every
     * restored copy. No AWS call, no mail.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.dynamoDb();
        Priming.sesV2();
        // Jackson (the report it returns) and the email renderer, on a one-insight digest
        EventEnvelope.primeJson("Scheduled Event", "{\"day\":\"2026-01-01\",\"subscribers\":1,\"sent\":1}",
                DigestReport.class);
        new DigestRenderer("digest@priming.invalid").render("2026-01-01", List.of(new Insight("prime",
                "prime", "prime", "Priming Podcast", "Priming episode", "A claim. Why it holds. What it means.", 1.0,
                12.0, "Host", "https://priming.invalid/e.mp3#t=12", "https://priming.invalid/e", "2026-01-01")));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the clients hold no connections at checkpoint time
    }


    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    public SendDigestHandler metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return this;
    }

    /**
     * The Unsubscribe function's URL and the signing keys. Read at init and again when the copy is older than
     * {@link #KEYS_MAX_AGE}: a SnapStart snapshot would otherwise keep issuing links under a key rotated out long
     * ago, which stop working when that key's grace ends.
     */
    static UnsubscribeLinks awsUnsubscribeLinks(Env env) {
        String url = env.require("UNSUBSCRIBE_URL");
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        env.require("SENDER_ADDRESS");
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.secretsManager(AwsClients.lambdaRegion(), null,
                AwsClients.lambdaCredentials()), secret);
        return new UnsubscribeLinks(url, new Refreshed<>(() -> new UnsubscribeToken(UnsubscribeKeys.parse(
                new String(key.read(), java.nio.charset.StandardCharsets.UTF_8))), KEYS_MAX_AGE, Clock.systemUTC()));
    }

    static final java.time.Duration KEYS_MAX_AGE = java.time.Duration.ofMinutes(10);

    static Adapters awsAdapters(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String table = env.require("TABLE_NAME");
        String sender = env.require("SENDER_ADDRESS");
        ZoneId zone = ZoneId.of(env.require("DIGEST_TIME_ZONE"));
        String configurationSet = env.optional("CONFIGURATION_SET", null);
        Settings d = Settings.defaults();
        Settings settings = new Settings(sender, zone, d.insightsPerEpisode(), d.digestSize(), d.maxPerEpisodeInDigest());
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        return new Adapters(null,
                new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                new SesMailer(AwsClients.sesV2(region, null, credentials), configurationSet),
                null, null, Clock.systemUTC(), settings);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.SCHEDULED_EVENT.equals(event.detailType())) {
            // any other event reaching this function is a wiring mistake; sending mail on it would be worse
            throw new IllegalArgumentException("SendDigest takes a " + PipelineEvents.SCHEDULED_EVENT
                    + " from " + PipelineEvents.SCHEDULER_SOURCE + ", got \"" + event.detailType() + "\"");
        }
        DigestReport report = sender.send(scheduledAt(event), () -> context == null
                || context.getRemainingTimeInMillis() > STOP_BEFORE_TIMEOUT_MILLIS);
        metrics.digest(report);
        if (report.deferred() > 0) {
            // an error makes Lambda retry the asynchronous invocation (EventInvokeConfig), which resumes with the
            // subscribers not reached; the ones already sent are skipped by their Digest records
            throw new IllegalStateException("digest for " + report.day() + " incomplete: sent " + report.sent()
                    + ", " + report.deferred() + " deferred to the retry");
        }
        Json.MAPPER.writeValue(output, report);
    }

    /** Room for the send in flight, its throttling backoff and the SENT record before Lambda's timeout. */
    static final long STOP_BEFORE_TIMEOUT_MILLIS = 30_000;

    /** The schedule's own time, not the clock, so a replayed event targets the day it was meant for. */
    static Instant scheduledAt(EventEnvelope event) {
        if (event.time() == null || event.time().isBlank()) {
            throw new IllegalArgumentException("schedule event has no time");
        }
        try {
            return Instant.parse(event.time());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule event time is not an ISO instant: " + event.time(), e);
        }
    }
}
