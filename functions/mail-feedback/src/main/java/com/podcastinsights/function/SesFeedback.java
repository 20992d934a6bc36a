package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.digest.MailFeedback;

import java.util.ArrayList;
import java.util.List;

/** SES's bounce and complaint event JSON, read into what {@link MailFeedback} decides on. */
public final class SesFeedback {
    private SesFeedback() {
    }

    /** {@code detail}: the EventBridge event's detail, SES's own event. Unknown kinds are read as such, for MailFeedback to refuse. */
    public static MailFeedback.Report read(String detailType, JsonNode detail) {
        List<String> recipients = new ArrayList<>();
        JsonNode bounce = detail.path("bounce");
        if (MailFeedback.BOUNCED.equals(detailType)) {
            bounce.path("bouncedRecipients").forEach(r -> recipients.add(r.path("emailAddress").asText()));
        } else if (MailFeedback.COMPLAINED.equals(detailType)) {
            detail.path("complaint").path("complainedRecipients").forEach(r -> recipients.add(r.path("emailAddress").asText()));
        }
        List<String> sets = new ArrayList<>();
        detail.path("mail").path("tags").path(MailFeedback.CONFIGURATION_SET_TAG).forEach(set -> sets.add(set.asText()));
        return new MailFeedback.Report(detailType, "Permanent".equals(bounce.path("bounceType").asText()),
                bounce.path("bounceSubType").asText("General"), recipients, sets);
    }
}
