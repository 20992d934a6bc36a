package com.podcastinsights.function;

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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/** SES "Email Bounced" / "Email Complaint Received" (default bus) -> the subscriber is suppressed. */
public final class MailFeedbackHandler implements RequestStreamHandler {
    private final MailFeedback feedback;
    private final Clock clock;

    /** Lambda's constructor: builds the AWS adapters once per execution environment. */
    public MailFeedbackHandler() {
        this(awsAdapters(Env.system()));
    }

    public MailFeedbackHandler(Adapters adapters) {
        this.feedback = new MailFeedback(new SubscriberRepository(adapters.table()));
        this.clock = adapters.clock();
    }

    static Adapters awsAdapters(Env env) {
        String table = env.require("TABLE_NAME");
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        return new Adapters(null, new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), table),
                null, null, null, Clock.systemUTC(), Settings.defaults());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = EventEnvelope.JSON.readTree(input);
        List<String> suppressed = feedback.apply(event.path("detail-type").asText(), event.path("detail"), clock.instant());
        var out = EventEnvelope.JSON.createObjectNode();
        out.put("suppressed", suppressed.size());
        EventEnvelope.JSON.writeValue(output, out);
    }
}
