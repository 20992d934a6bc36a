package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.digest.MailFeedback;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.StageHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * SES "Email Bounced" / "Email Complaint Received" (default bus) of this stack's configuration set -> the
 * subscriber is suppressed.
 */
public final class MailFeedbackHandler extends StageHandler<MailFeedbackHandler, MailFeedback> implements RequestStreamHandler {
    /** Lambda: the environment read once, the table client built once per execution environment. */
    public MailFeedbackHandler() {
        super(MailFeedbackLambda::wire);
    }

    /** Local runs and tests: the stage as {@code MailFeedbackStage} builds it on their ports. */
    public MailFeedbackHandler(MailFeedback feedback, Clock clock) {
        super(feedback, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        String detailType = event.path("detail-type").asText();
        List<String> suppressed = service.apply(SesFeedback.read(detailType, event.path("detail")), clock.instant());
        metrics.suppressed(MailFeedback.COMPLAINED.equals(detailType) ? "Complaint" : "Bounce", suppressed.size());
        answer(output, Json.MAPPER.createObjectNode().put("suppressed", suppressed.size()));
    }
}
