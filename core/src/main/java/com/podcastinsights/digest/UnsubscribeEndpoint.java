package com.podcastinsights.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one-click unsubscribe endpoint (RFC 8058). POST with a valid token unsubscribes and answers 200, with no
 * login and no confirmation: that is what a mail provider's "Unsubscribe" button sends. GET only shows a page
 * with a button that POSTs to the same URL, because link scanners and previews fetch every link in an email
 * and must not unsubscribe anyone. A forged, altered or missing token is refused (400) before the table is read,
 * so a flood of bad tokens costs no database work. A token of an earlier subscription (the reader unsubscribed
 * and subscribed again) is refused (410) and changes nothing. Unsubscribing twice, or an address that is no longer
 * a subscriber, is still 200: the outcome is the same.
 */
public final class UnsubscribeEndpoint {
    private final SubscriberRepository subscribers;
    private final Clock clock;
    private volatile UnsubscribeToken tokens;
    private Supplier<UnsubscribeKeys> reread;
    private Duration rereadEvery = Duration.ofMinutes(1);
    private Instant lastReread = Instant.MIN;

    public UnsubscribeEndpoint(SubscriberRepository subscribers, UnsubscribeToken tokens, Clock clock) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * After a key rotation, SendDigest may issue tokens under a key this environment has not loaded yet. A token
     * naming an unknown key id makes the endpoint read the keys again, at most once per {@code every}, so a flood
     * of made-up key ids costs at most one read a minute.
     */
    public UnsubscribeEndpoint rereadingKeys(Supplier<UnsubscribeKeys> reread, Duration every) {
        this.reread = reread;
        this.rereadEvery = every;
        return this;
    }

    /** The keys as this endpoint has them now (re-read after a rotation): the reader web signs with them too. */
    public UnsubscribeToken tokens() {
        return tokens;
    }

    public WebResponse handle(String method, String token) {
        String m = method == null ? "" : method.trim().toUpperCase(java.util.Locale.ROOT);
        if (!m.equals("GET") && !m.equals("POST") && !m.equals("HEAD")) {
            return new WebResponse(405, page("Not allowed", "<p>Use the link or the button in the email.</p>"));
        }
        Instant now = clock.instant();
        Optional<UnsubscribeToken.Claim> claim = verify(token, now);
        if (claim.isEmpty()) {
            return new WebResponse(400, page("This unsubscribe link is not valid",
                    "<p>The link is incomplete, was changed or has expired. Use the unsubscribe link of your latest "
                            + "digest, or your mail app's Unsubscribe button.</p>"));
        }
        String email = claim.get().email();
        Optional<Subscription> current = subscribers.subscription(email).filter(Subscription::active);
        if (current.isPresent() && current.get().generation() != claim.get().generation()) {
            return new WebResponse(410, page("This unsubscribe link is from an earlier subscription",
                    "<p>You subscribed again since this email was sent, so its link no longer works. Use the "
                            + "unsubscribe link of your latest digest.</p>"));
        }
        if (!m.equals("POST")) {
            return new WebResponse(200, page("Unsubscribe from Podcast Insights?",
                    "<p>Stop sending the daily digest to <strong>" + MailText.escapeHtml(email) + "</strong>?</p>"
                            // no action attribute: the form posts to this same URL, token included
                            + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                            + "<button type=\"submit\">Unsubscribe</button></form>"));
        }
        if (current.isPresent()) subscribers.unsubscribe(email, now.toString());
        return new WebResponse(200, page("You are unsubscribed",
                "<p>" + MailText.escapeHtml(email) + " will get no more digests.</p>"));
    }

    private Optional<UnsubscribeToken.Claim> verify(String token, Instant now) {
        UnsubscribeToken t = tokens;
        Optional<UnsubscribeToken.Claim> claim = t.verify(token, now);
        if (claim.isPresent() || reread == null || !t.namesUnknownKey(token)) return claim;
        synchronized (this) {
            if (tokens == t && !now.isBefore(lastReread.plus(rereadEvery))) {
                lastReread = now;
                tokens = new UnsubscribeToken(reread.get());
            }
        }
        return tokens.verify(token, now);
    }

    private static String page(String title, String body) {
        return WebResponse.page(title, body);
    }
}
