package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.aws.SqsWorkQueue;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestBatch;
import com.podcastinsights.digest.DigestPlanner;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.insight.ExtractedInsight;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Table;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.port.WorkQueue;
import com.podcastinsights.stage.DigestPlannerStage;
import com.podcastinsights.stage.Wiring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * The hourly SendDigest planner in Lambda: the environment read once, DynamoDB and SQS clients built once per
 * execution environment, the planner built by {@link DigestPlannerStage}, and the SnapStart priming. It sends no
 * mail: its role may only read the table and SendMessage to the digest queue.
 */
final class SendDigestLambda {
    private SendDigestLambda() {
    }

    /** The hour's work in Lambda: plan and enqueue; the senders mail. */
    static Wiring<BiFunction<Instant, BooleanSupplier, Object>> wire(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"));
        String queueUrl = env.require("DIGEST_QUEUE_URL");
        DigestPlannerStage.Config config = DigestPlannerStage.Config.from(env);
        DigestPlanner planner = DigestPlannerStage.build(config, aws.table(), Clock.systemUTC());
        WorkQueue queue = new SqsWorkQueue(aws.sqs(), queueUrl);
        StageMetrics metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        return new Wiring<>((at, timeLeft) -> planner.enqueue(at, queue), metrics,
                SnapStart.register(SendDigestLambda::prime));
    }

    /**
     * SnapStart: this function's SDK calls against canned answers on loopback ({@link Priming}), the credentials path,
     * Jackson, and the planner's own domain path over a throwaway {@link PrimingTable}. No AWS call.
     */
    static void prime() throws Exception {
        primePlanner();
        Priming.dynamoDb();
        Priming.sqs();
        Priming.containerCredentials();
        EventEnvelope.primeJson("Scheduled Event", "{\"day\":\"2026-01-01\",\"due\":1,\"batches\":1}",
                DigestPlanner.Summary.class);
    }

    /**
     * One plan, as the hourly run makes it: a due reader, a day of insights from two shows, the edition chosen and
     * stored, a batch written as JSON. The class-load log showed the planner's domain path (and the
     * java.util.logging that {@code DigestSender} brings) loading in the first invoke after restore otherwise.
     */
    static DigestPlanner.Plan primePlanner() {
        Table table = new PrimingTable();
        Instant at = Instant.parse("2026-01-01T07:00:00Z");
        new SubscriberRepository(table).subscribe("reader@priming.invalid", "2025-12-01T00:00:00Z");
        String[] texts = {
                "Batteries store four hours of energy because the evening peak lasts about that long.",
                "Heat pumps cut a home's heating bill by a third, since they move heat rather than make it.",
                "Most of a city's traffic delay comes from ten percent of its junctions, so fixing those pays first.",
                "Sleep before an exam helps recall more than a late night of revision, the study found."};
        for (int e = 0; e < 2; e++) {
            List<ExtractedInsight> found = new ArrayList<>();
            for (int r = 1; r <= 2; r++) {
                String text = texts[e * 2 + r - 1];
                found.add(new ExtractedInsight(r, new Insight("priming-" + e + "-" + r, "priming-feed-" + e,
                        "priming-" + e, "Show " + e, "Episode " + e, text, 0.9 - 0.1 * r, 60.0 * r, "Guest",
                        "https://priming.invalid/" + e + ".mp3#t=" + 60 * r, "https://priming.invalid/" + e,
                        "2026-01-01"), text));
            }
            new InsightRepository(table).save("priming-" + e, found, "2026-01-01T06:00:00Z");
        }
        DigestPlanner planner = DigestPlannerStage.build(new DigestPlannerStage.Config(
                Settings.defaults().withDigestZone(ZoneOffset.UTC), 7, 10), table, Clock.fixed(at, ZoneOffset.UTC));
        DigestPlanner.Plan plan = planner.plan(at);
        plan.batches().forEach(DigestBatch::toJson);
        plan.summary();
        return plan;
    }
}
