package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.MailFeedback;
import com.podcastinsights.json.Json;
import com.podcastinsights.metrics.StageMetrics;
import com.podcastinsights.stage.MailFeedbackStage;
import com.podcastinsights.stage.Wiring;

import java.time.Clock;

/** MailFeedback in Lambda: the table client built once per execution environment, and the SnapStart priming. */
final class MailFeedbackLambda {
    private static final String PRIME_BOUNCE = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"p@priming.invalid\"}]},\"mail\":{\"destination\":"
            + "[\"p@priming.invalid\"]}}";

    private MailFeedbackLambda() {
    }

    static Wiring<MailFeedback> wire(Env env) {
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"));
        MailFeedback feedback = MailFeedbackStage.build(MailFeedbackStage.Config.from(env), aws.table());
        StageMetrics metrics = StageMetrics.forRuntime(env.optional("AWS_LAMBDA_FUNCTION_NAME", null),
                env.optional("STACK_NAME", null), Clock.systemUTC());
        return new Wiring<>(feedback, metrics, SnapStart.register(MailFeedbackLambda::prime));
    }

    /** SnapStart: DynamoDB against canned answers on loopback, the credentials path, and an SES bounce read (no write). */
    static void prime() throws Exception {
        Priming.dynamoDb();
        Priming.containerCredentials();
        SesFeedback.read(MailFeedback.BOUNCED, Json.MAPPER.readTree(PRIME_BOUNCE));
        Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().put("suppressed", 0));
    }
}
