package com.podcastinsights.digest;


import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * SES bounce and complaint events (configuration set -> default EventBridge bus) -> suppression. A permanent
 * (hard) bounce or a complaint stops mail to that subscriber for good: mailing them again hurts the sender's
 * reputation with every provider. Transient and undetermined bounces are left alone; SES retries those itself.
 * Idempotent: a redelivered event suppresses an already inactive subscriber again, which changes nothing.
 *
 * <p>Only feedback on mail sent with this stack's configuration set counts: SES publishes every configuration
 * set's events of the account to the one default bus, and a reader of ours may also get another application's
 * mail, bounce it (a full mailbox on that day, a typo in that application's copy of the address) or complain
 * about it. The rule's pattern filters on the set too; this check holds if the rule is ever widened.
 */
public final class MailFeedback {
    public static final String BOUNCED = "Email Bounced";
    public static final String COMPLAINED = "Email Complaint Received";
    private static final Logger LOG = Logger.getLogger(MailFeedback.class.getName());
    /** The tag SES adds to every event of mail sent with a configuration set, naming the set. */
    public static final String CONFIGURATION_SET_TAG = "ses:configuration-set";
    private final SubscriberRepository subscribers;
    private final String configurationSet;

    public MailFeedback(SubscriberRepository subscribers, String configurationSet) {
        if (configurationSet == null || configurationSet.isBlank()) {
            throw new IllegalArgumentException("MailFeedback needs the stack's SES configuration set");
        }
        this.subscribers = subscribers;
        this.configurationSet = configurationSet;
    }

    /**
     * One SES feedback event, as the handler reads it: {@code kind} is {@link #BOUNCED} or {@link #COMPLAINED};
     * {@code permanent} and {@code bounceSubType} only mean something for a bounce; {@code configurationSets} are
     * the sets the mail was sent with (its {@value #CONFIGURATION_SET_TAG} tag).
     */
    public record Report(String kind, boolean permanent, String bounceSubType, List<String> recipients,
                         List<String> configurationSets) {
    }

    /** Returns the subscribers suppressed. */
    public List<String> apply(Report report, Instant now) {
        String reason;
        if (BOUNCED.equals(report.kind())) {
            if (!report.permanent()) return List.of();
            reason = "hard bounce (" + MailText.headerValue(report.bounceSubType()) + ")";
        } else if (COMPLAINED.equals(report.kind())) {
            reason = "complaint";
        } else {
            throw new IllegalArgumentException("not a bounce or complaint event: " + MailText.headerValue(report.kind()));
        }
        if (!report.configurationSets().contains(configurationSet)) {
            LOG.warning("feedback on mail of another configuration set ignored");
            return List.of();
        }
        List<String> suppressed = new ArrayList<>();
        for (String raw : report.recipients()) {
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
