package com.podcastinsights.web;

import com.podcastinsights.digest.ReaderLinks;
import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.digest.WebToken;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static com.podcastinsights.web.Pages.esc;
import static com.podcastinsights.web.Pages.hidden;

/** {@code /subscribe} (the form; its POST mails a confirmation) and {@code /confirm} (a button; its POST subscribes). */
public record SignUpPages(PageContext site, SignUps signUps) {
    static final RateLimit.Caps SUBSCRIBE = new RateLimit.Caps(5, 30), CONFIRM = new RateLimit.Caps(10, 60);
    /** The form's own token: a form left open this long is sent again from a fresh page. */
    static final Duration FORM_TTL = Duration.ofHours(6);

    WebResponse subscribe(WebRequest r) {
        Instant now = site.clock().instant();
        if (!r.post()) return form(200, null, null, null, null, List.of(), now);
        if (site.tokens().verify(WebToken.Purpose.FORM, r.param("form-token"), now).isEmpty()) {
            return form(400, "The form had expired. Please send it again.", r.param("email"), null, null, List.of(), now);
        }
        String email, zone = r.param("time-zone") == null ? "" : r.param("time-zone").strip();
        Integer hour;
        try {
            email = SubscriberRepository.normalize(r.param("email"));
            if (!zone.isEmpty()) zone = ZoneId.of(zone).getId();
            hour = Integer.parseInt(String.valueOf(r.param("send-hour")));
            if (hour < 0 || hour > 23) throw new NumberFormatException();
        } catch (IllegalArgumentException | DateTimeException e) {
            return form(400, "Please check the address, the time zone and the hour.", r.param("email"), zone, null,
                    r.all("topic"), now);
        }
        if (!site.limits().allow("subscribe", SUBSCRIBE, email, r.source(), now)) return Pages.tooMany();
        List<String> topics = r.all("topic").stream().filter(site.config().topics()::contains).distinct().toList();
        signUps.request(new SignUps.Request(email, zone.isEmpty() ? null : zone, hour, topics), r.base(), now);
        // the same answer whether or not the address is a reader already, or got a confirmation within the hour
        return Pages.page(200, "Check your inbox", "<p>If " + esc(email) + " can receive mail, a confirmation link "
                + "is on its way. Your digest starts once you press Confirm on that page.</p>"
                + "<p class=\"meta\">Nothing arrived? Look in the spam folder; we send at most one confirmation an hour.</p>");
    }

    private WebResponse form(int status, String error, String email, String zone, Integer hour, List<String> topics,
                             Instant now) {
        String token = site.tokens().issue(WebToken.Purpose.FORM, now.plus(FORM_TTL));
        return Pages.page(status, "Subscribe to Podcast Insights", (error == null ? "" : "<p class=\"error\">" + esc(error) + "</p>")
                + "<p>Every day, the five best insights from the podcasts we follow. One short email, at the hour you choose.</p>"
                + "<form method=\"post\" action=\"/subscribe\">" + hidden("form-token", token)
                + "<label>Email address<input type=\"email\" name=\"email\" required maxlength=\"254\" autocomplete=\"email\" value=\""
                + esc(email) + "\"></label>" + Pages.timeFields(zone, hour, site.config().defaultSendHour())
                + Pages.checkboxes("Topics you care about (optional)", "topic", site.config().topics(), topics)
                + "<button type=\"submit\">Subscribe</button></form>"
                + "<p class=\"meta\">We email you a link to confirm; nothing is sent before you do. Every digest has a "
                + "one-click unsubscribe link.</p>");
    }

    WebResponse confirm(WebRequest r) {
        Instant now = site.clock().instant();
        Optional<WebToken.Claim> claim = site.tokens().verify(WebToken.Purpose.CONFIRM, r.param("token"), now);
        if (claim.isEmpty()) return Pages.badLink();
        String email = claim.get().field(0);
        if (!r.post()) {
            return Pages.page(200, "Confirm your subscription", "<p>Start the daily digest for " + esc(email) + "?</p>"
                    + "<form method=\"post\" action=\"/confirm\">" + hidden("token", r.param("token"))
                    + "<button type=\"submit\">Confirm</button></form>");
        }
        if (!site.limits().allow("confirm", CONFIRM, email, r.source(), now)) return Pages.tooMany();
        Optional<Subscriber> saved = signUps.confirm(email, claim.get().field(1), "web sign-up form (" + r.base() + "subscribe)", now);
        if (saved.isEmpty()) {
            return Pages.error(410, "Nothing to confirm", "This sign-up was confirmed already or has expired. "
                    + "To sign up again, use the form at /subscribe.");
        }
        long generation = site.subscribers().subscription(email).map(Subscription::generation).orElse(0L);
        String prefs = new ReaderLinks(r.base(), site.tokens()).preferences(email, generation, now);
        return Pages.page(200, "You are subscribed", "<p>" + esc(email) + " gets the digest from the next send hour on.</p>"
                + "<p><a href=\"" + esc(prefs) + "\">Your preferences</a> (every digest links to them too).</p>");
    }
}
