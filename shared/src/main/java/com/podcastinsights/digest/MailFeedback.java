package com.podcastinsights.digest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * SES bounce and complaint events (configuration set -> default EventBridge bus) -> suppression. A permanent
 * (hard) bounce or a complaint stops mail to that subscriber for good: mailing them again hurts the sender's
 * reputation with every provider. Transient and undetermined bounces are left alone; SES retries those itself.
 * Idempotent: a redelivered event suppresses an already inactive subscriber again, which changes nothing.
 */
public final class MailFeedback {
    public static final String BOUNCED = "Email Bounced";
    public static final String COMPLAINED = "Email Complaint Received";
    private static final Logger LOG = Logger.getLogger(MailFeedback.class.getName());
    private final SubscriberRepository subscribers;

    public MailFeedback(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    /** Returns the subscribers suppressed. */
    public List<String> apply(String detailType, JsonNode detail, Instant now) {
        List<String> addresses = new ArrayList<>();
        String reason;
        if (BOUNCED.equals(detailType)) {
            JsonNode bounce = detail.path("bounce");
            if (!"Permanent".equals(bounce.path("bounceType").asText())) return List.of();
            reason = "hard bounce (" + MailText.headerValue(bounce.path("bounceSubType").asText("General")) + ")";
            bounce.path("bouncedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
        } else if (COMPLAINED.equals(detailType)) {
            reason = "complaint";
            detail.path("complaint").path("complainedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
        } else {
            throw new IllegalArgumentException("not a bounce or complaint event: " + MailText.headerValue(detailType));
        }
        List<String> suppressed = new ArrayList<>();
        for (String raw : addresses) {
            String email;
            try {
                email = SubscriberRepository.normalize(bareAddress(raw));
            } catch (IllegalArgumentException e) {
                LOG.warning("feedback for an unreadable address ignored");
                continue;
            }
            if (subscribers.find(email).isEmpty()) continue; // not ours (another sender on this account)
            subscribers.suppress(email, now.toString(), reason);
            suppressed.add(email);
        }
        return suppressed;
    }

    /** "Name <a@b>" -> "a@b"; SES usually reports the bare address. */
    static String bareAddress(String s) {
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        return lt >= 0 && gt > lt ? s.substring(lt + 1, gt) : s;
    }
}
