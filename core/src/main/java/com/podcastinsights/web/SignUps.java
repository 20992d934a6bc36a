package com.podcastinsights.web;

import com.podcastinsights.digest.Consent;
import com.podcastinsights.digest.MailText;
import com.podcastinsights.digest.MimeMessageWriter;
import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.ids.Sha256;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.Keys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Double opt-in. A sign-up is kept as a pending item in the reader's partition and answered with a confirmation
 * email; only the confirming POST makes an active reader, with a {@link Consent} record. The confirmation goes out
 * at most once an hour per address (the pending item's {@code mailedAt}, and a one-per-hour counter against two
 * sign-ups racing), so the form cannot be used to flood someone's inbox. Nothing here tells the caller whether the
 * address was already a reader: the page says the same either way.
 */
public final class SignUps {
    public static final Duration CONFIRM_TTL = Duration.ofHours(48), MAIL_EVERY = Duration.ofHours(1);
    private final Table table;
    private final Mailer mailer;
    private final WebToken tokens;
    private final RateLimit limits;
    private final String sender;
    private final SubscriberRepository subscribers;

    /** What the form asked for: the preferences the reader gets once they confirm. */
    public record Request(String email, String timeZone, Integer sendHour, List<String> topics) {
    }

    public SignUps(Table table, Mailer mailer, WebToken tokens, RateLimit limits, String sender) {
        this.table = table;
        this.mailer = mailer;
        this.tokens = tokens;
        this.limits = limits;
        this.sender = sender;
        this.subscribers = new SubscriberRepository(table);
    }

    /** Records the sign-up and mails the confirmation link unless one went to this address within the hour. */
    public void request(Request r, String base, Instant now) {
        String email = SubscriberRepository.normalize(r.email());
        String pk = Keys.subscriberPk(email);
        String mailedAt = table.get(pk, Keys.SIGNUP_SK).map(i -> i.string("mailedAt")).orElse(null);
        boolean recent = mailedAt != null && now.isBefore(Instant.parse(mailedAt).plus(MAIL_EVERY));
        Item.Builder pending = Item.of(pk, Keys.SIGNUP_SK).with("type", "SignUp").with("email", email)
                .with("timeZone", r.timeZone()).with("sendHour", r.sendHour())
                .with("topics", r.topics().isEmpty() ? null : r.topics()).with("requestedAt", now.toString())
                .with("ttl", now.plus(CONFIRM_TTL).getEpochSecond());
        // within the hour the pending sign-up stays as mailed: the link confirms what its email described, and
        // a second form sent in someone else's name cannot change what they are about to confirm
        if (recent || !limits.take("confirm-mail", tokens.pseudonym(email), 1, now)) return;
        mailer.send(confirmation(email, base, now)); // a refused send stores nothing; the hour's counter still holds
        table.put(pending.with("mailedAt", now.toString()).build());
    }

    /**
     * Makes the pending sign-up {@code requestedAt} an active reader; empty when there is none (confirmed already,
     * expired, or replaced by a later sign-up with its own email).
     */
    public Optional<Subscriber> confirm(String email, String requestedAt, String source, Instant now) {
        String e = SubscriberRepository.normalize(email);
        Optional<Item> pending = table.get(Keys.subscriberPk(e), Keys.SIGNUP_SK)
                .filter(i -> requestedAt.equals(i.string("requestedAt")));
        if (pending.isEmpty()) return Optional.empty();
        Item p = pending.get();
        long hour = p.number("sendHour", -1);
        Subscriber old = subscribers.find(e).orElse(new Subscriber(e, true, null));
        Subscriber saved = subscribers.save(new Subscriber(e, true, old.createdAt(), p.string("timeZone"),
                hour < 0 ? null : (int) hour, p.strings("topics"), old.mutedShows(), old.languages()), now.toString());
        Consent.record(table, e, new Consent(now.toString(), Consent.DOUBLE_OPT_IN, source, p.string("requestedAt")));
        table.delete(Keys.subscriberPk(e), Keys.SIGNUP_SK);
        return Optional.of(saved);
    }

    OutgoingMail confirmation(String email, String base, Instant now) {
        String link = base + "confirm?token=" + URLEncoder.encode(tokens.issue(WebToken.Purpose.CONFIRM,
                now.plus(CONFIRM_TTL), email, now.toString()), StandardCharsets.UTF_8);
        String subject = "Confirm your Podcast Insights subscription";
        String text = "Someone, hopefully you, asked to get the Podcast Insights daily digest at " + email + ".\n\n"
                + "To confirm, open this link and press Confirm (it works for 48 hours):\n" + link + "\n\n"
                + "If it was not you, ignore this email: you will get nothing else from us.\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + subject + "</title></head>"
                + "<body style=\"font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;\">"
                + "<p>Someone, hopefully you, asked to get the Podcast Insights daily digest at "
                + MailText.escapeHtml(email) + ".</p><p><a href=\"" + MailText.escapeHtml(link)
                + "\">Confirm your subscription</a> (the link works for 48 hours).</p>"
                + "<p>If it was not you, ignore this email: you will get nothing else from us.</p></body></html>\n";
        String from = MailText.headerValue(sender);
        String id = "confirm-" + Sha256.hex(email + now).substring(0, 16) + "@" + MailText.senderDomain(from);
        byte[] raw = new MimeMessageWriter().write(new MimeMessageWriter.Message(from, email, subject,
                now.atZone(ZoneOffset.UTC), id, null, Map.of(), text, html));
        return new OutgoingMail(from, email, subject, text, html, raw);
    }
}
