package com.podcastinsights.function;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.aws.SqsWorkQueue;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.DigestPlanner;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.port.WorkQueue;
import com.podcastinsights.stage.DigestPlannerStage;

import java.time.Clock;

/**
 * The hourly SendDigest planner in Lambda: the environment read once, DynamoDB and SQS clients built once per
 * execution environment, the planner built by {@link DigestPlannerStage}, and the SnapStart priming. It sends no
 * mail: its role may only read the table and SendMessage to the digest queue.
 */
final class SendDigestLambda {
    final DigestPlanner planner;
    final WorkQueue queue;
    final StageMetrics metrics;
    final SnapStart snapStart;

    SendDigestLambda(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String table = env.require("TABLE_NAME");
        String queueUrl = env.require("DIGEST_QUEUE_URL");
        DigestPlannerStage.Config config = DigestPlannerStage.Config.from(env);
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        this.planner = DigestPlannerStage.build(config, new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials),
                table), Clock.systemUTC());
        this.queue = new SqsWorkQueue(AwsClients.sqs(region, null, credentials), queueUrl);
        this.metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        this.snapStart = SnapStart.register(SendDigestLambda::prime);
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
