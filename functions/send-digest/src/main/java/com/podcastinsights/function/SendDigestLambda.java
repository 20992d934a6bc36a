package com.podcastinsights.function;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.aws.SqsWorkQueue;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.DigestPlanner;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.port.WorkQueue;
import com.podcastinsights.stage.DigestPlannerStage;
import com.podcastinsights.stage.Wiring;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * The hourly SendDigest planner in Lambda: the environment read once, DynamoDB and SQS clients built once per
 * execution environment, the planner built by {@link DigestPlannerStage}, and the SnapStart priming. It sends no
 * mail: its role may only read the table and SendMessage to the digest queue.
 */
final class SendDigestLambda {
    private final SnapStart snapStart = SnapStart.register(SendDigestLambda::prime);

    private SendDigestLambda() {
    }

    /** The hour's work in Lambda: plan and enqueue; the senders mail. */
    static Wiring<BiFunction<Instant, BooleanSupplier, Object>> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String table = env.require("TABLE_NAME");
        String queueUrl = env.require("DIGEST_QUEUE_URL");
        DigestPlannerStage.Config config = DigestPlannerStage.Config.from(env);
        LambdaPorts aws = new LambdaPorts();
        DigestPlanner planner = DigestPlannerStage.build(config, aws.table(table), Clock.systemUTC());
        WorkQueue queue = new SqsWorkQueue(AwsClients.sqs(aws.region(), null, aws.credentials()), queueUrl);
        StageMetrics metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        return new Wiring<>((at, timeLeft) -> planner.enqueue(at, queue), metrics,
                new SendDigestLambda());
    }

    /** SnapStart: this function's SDK calls against a canned transport ({@link Priming}), the credentials path, and Jackson. No AWS call. */
    static void prime() throws Exception {
        Priming.dynamoDb();
        Priming.sqs();
        Priming.containerCredentials();
        EventEnvelope.primeJson("Scheduled Event", "{\"day\":\"2026-01-01\",\"due\":1,\"batches\":1}",
                DigestPlanner.Summary.class);
    }
}
