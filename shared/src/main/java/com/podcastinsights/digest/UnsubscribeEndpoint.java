package com.podcastinsights.digest;

import java.time.Clock;
import java.util.Optional;

/**
 * The one-click unsubscribe endpoint (RFC 8058). POST with a valid token unsubscribes and answers 200, with no
 * login and no confirmation: that is what a mail provider's "Unsubscribe" button sends. GET only shows a page
 * with a button that POSTs to the same URL, because link scanners and previews fetch every link in an email
 * and must not unsubscribe anyone. A forged, altered or missing token is refused (400) and changes nothing.
 * Unsubscribing twice, or an address that is no longer a subscriber, is still 200: the outcome is the same.
 */
public final class UnsubscribeEndpoint {
    private final SubscriberRepository subscribers;
    private final UnsubscribeToken tokens;
    private final Clock clock;

    public UnsubscribeEndpoint(SubscriberRepository subscribers, UnsubscribeToken tokens, Clock clock) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.clock = clock;
    }

    public WebResponse handle(String method, String token) {
        String m = method == null ? "" : method.trim().toUpperCase(java.util.Locale.ROOT);
        if (!m.equals("GET") && !m.equals("POST") && !m.equals("HEAD")) {
            return new WebResponse(405, page("Not allowed", "<p>Use the link or the button in the email.</p>"));
        }
        Optional<String> email = tokens.verify(token);
        if (email.isEmpty()) {
            return new WebResponse(400, page("This unsubscribe link is not valid",
                    "<p>The link is incomplete or was changed. Use the unsubscribe link of a recent digest, "
                            + "or reply to the digest and we will take you off the list.</p>"));
        }
        if (!m.equals("POST")) {
            return new WebResponse(200, page("Unsubscribe from Podcast Insights?",
                    "<p>Stop sending the daily digest to <strong>" + MailText.escapeHtml(email.get()) + "</strong>?</p>"
                            // no action attribute: the form posts to this same URL, token included
                            + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                            + "<button type=\"submit\" style=\"font-size:16px;padding:10px 20px;\">Unsubscribe</button></form>"));
        }
        if (subscribers.find(email.get()).map(Subscriber::active).orElse(false)) {
            subscribers.unsubscribe(email.get(), clock.instant().toString());
        }
        return new WebResponse(200, page("You are unsubscribed",
                "<p>" + MailText.escapeHtml(email.get()) + " will get no more digests.</p>"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + MailText.escapeHtml(title) + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:600px;margin:40px auto;padding:0 16px;\">"
                + "<h1 style=\"font-size:22px;\">" + MailText.escapeHtml(title) + "</h1>" + body + "</body></html>\n";
    }
}
