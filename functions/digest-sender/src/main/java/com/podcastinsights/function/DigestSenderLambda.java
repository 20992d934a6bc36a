package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.DigestBatch;
import com.podcastinsights.digest.DigestRenderer;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.Refreshed;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.stage.SendDigestStage;
import com.podcastinsights.stage.Wiring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The digest sender in Lambda (the queue's consumer): the environment read once, the AWS adapters built once per
 * execution environment, the sender built by {@link SendDigestStage} as the CLI builds it, and the SnapStart
 * priming. It paces at its share of SES_MAX_SEND_RATE: the rate over DIGEST_SENDERS, the event source mapping's
 * maximum concurrency.
 */
final class DigestSenderLambda {
    /**
     * The signing keys are read at init and again when the copy is older than this: a SnapStart snapshot would
     * otherwise keep issuing links under a key rotated out long ago, which stop working when that key's grace ends.
     */
    static final Duration KEYS_MAX_AGE = Duration.ofMinutes(10);

    private DigestSenderLambda() {
    }

    static Wiring<DigestSender> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"));
        SendDigestStage.Config config = SendDigestStage.Config.from(env);
        String url = env.require("UNSUBSCRIBE_URL");
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        SecretsManagerKey key = new SecretsManagerKey(aws.secretsManager(), secret);
        UnsubscribeLinks links = new UnsubscribeLinks(url, new Refreshed<>(() -> new UnsubscribeToken(
                UnsubscribeKeys.parse(new String(key.read(), StandardCharsets.UTF_8))), KEYS_MAX_AGE, Clock.systemUTC()));
        StageMetrics metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        return new Wiring<>(SendDigestStage.build(config, aws.table(), new SesMailer(aws.sesV2(),
                config.configurationSet()), Clock.systemUTC(), links), metrics, SnapStart.register(DigestSenderLambda::prime));
    }

    /**
     * SnapStart: run this function's SDK calls against canned answers on loopback ({@link Priming}) before the snapshot,
     * and render a sample digest, so marshalling, signing, endpoint rules, Jackson and the renderer are warm in every
     * restored copy. No AWS call, no mail.
     */
    static void prime() throws Exception {
        Priming.dynamoDb();
        Priming.sesV2();
        Priming.containerCredentials();
        // Jackson (the report it returns) and the email renderer, on a one-insight digest
        EventEnvelope.primeJson("Scheduled Event", "{\"day\":\"2026-01-01\",\"subscribers\":1,\"sent\":1}",
                DigestReport.class);
        DigestBatch.parse(new DigestBatch("2026-01-01T07:00:00Z", "2026-01-01", List.of("p@priming.invalid")).toJson());
        new DigestRenderer().render("2026-01-01", List.of(new Insight("prime",
                "prime", "prime", "Priming Podcast", "Priming episode", "A claim. Why it holds. What it means.", 1.0,
                12.0, "Host", "https://priming.invalid/e.mp3#t=12", "https://priming.invalid/e", "2026-01-01")));
    }
}
