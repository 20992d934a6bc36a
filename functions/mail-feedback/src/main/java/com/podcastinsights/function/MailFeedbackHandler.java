package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.MailFeedback;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.metrics.MetricsSink;
import com.podcastinsights.metrics.StageMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * SES "Email Bounced" / "Email Complaint Received" (default bus) of this stack's configuration set -> the
 * subscriber is suppressed.
 */
public final class MailFeedbackHandler implements RequestStreamHandler {
    private final MailFeedback feedback;
    private final Clock clock;
    private StageMetrics metrics;

    /** Lambda's constructor: builds the AWS adapters once per execution environment. */
    public MailFeedbackHandler() {
        this(awsAdapters(Env.system()), Env.system().require("CONFIGURATION_SET"));
    }

    /** {@code configurationSet}: the stack's SES configuration set; feedback on any other is ignored. */
    public MailFeedbackHandler(Adapters adapters, String configurationSet) {
        this.feedback = new MailFeedback(new SubscriberRepository(adapters.table()), configurationSet);
        this.clock = adapters.clock();
        this.metrics = StageMetrics.forRuntime(Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", null),
                Env.system().optional("STACK_NAME", null), clock);
    }


    /** Sends this handler's metric lines to {@code sink} (tests), with {@code stack} as the Stack dimension. */
    public MailFeedbackHandler metricsTo(MetricsSink sink, String stack) {
        this.metrics = new StageMetrics(sink, stack, clock);
        return this;
    }

    static Adapters awsAdapters(Env env) {
        String table = env.require("TABLE_NAME");
        env.require("CONFIGURATION_SET");
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        return new Adapters(null, new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                null, null, null, Clock.systemUTC(), Settings.defaults());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        String detailType = event.path("detail-type").asText();
        List<String> suppressed = feedback.apply(detailType, event.path("detail"), clock.instant());
        metrics.suppressed(MailFeedback.COMPLAINED.equals(detailType) ? "Complaint" : "Bounce", suppressed.size());
        var out = Json.MAPPER.createObjectNode();
        out.put("suppressed", suppressed.size());
        Json.MAPPER.writeValue(output, out);
    }
}
