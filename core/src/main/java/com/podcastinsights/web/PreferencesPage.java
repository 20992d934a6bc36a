package com.podcastinsights.web;

import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import static com.podcastinsights.web.Pages.esc;
import static com.podcastinsights.web.Pages.hidden;

/**
 * {@code /preferences?token=…}: the reader's time zone, send hour, topics, muted shows, a pause of N days, and an
 * unsubscribe button. The signed link names the subscription's generation, so a link of an earlier subscription
 * opens nothing.
 */
public record PreferencesPage(PageContext site, FeedRepository feeds, Supplier<UnsubscribeToken> unsubscribe) {
    static final RateLimit.Caps CAPS = new RateLimit.Caps(30, 120);
    static final int MAX_PAUSE_DAYS = 90;

    WebResponse handle(WebRequest r) {
        Instant now = site.clock().instant();
        Optional<WebToken.Claim> claim = site.tokens().verify(WebToken.Purpose.PREFERENCES, r.param("token"), now);
        if (claim.isEmpty()) return Pages.badLink();
        Optional<Subscription> current = site.subscription(claim.get());
        if (current.isEmpty()) return notSubscribed();
        Subscription s = current.get();
        if (!r.post()) return form(200, null, s, r.param("token"), now);
        if (!site.limits().allow("preferences", CAPS, s.subscriber().email(), r.source(), now)) return Pages.tooMany();
        Subscriber old = s.subscriber();
        int pauseDays;
        try {
            int hour = Integer.parseInt(String.valueOf(r.param("send-hour")));
            pauseDays = r.param("pause-days") == null || r.param("pause-days").isBlank() ? 0 : Integer.parseInt(r.param("pause-days").strip());
            if (pauseDays < 0 || pauseDays > MAX_PAUSE_DAYS) throw new IllegalArgumentException();
            String zone = r.param("time-zone") == null ? null : r.param("time-zone").strip();
            List<String> topics = r.all("topic").stream().filter(Pages.union(site.config().topics(), old.topics())::contains).toList();
            List<String> muted = r.all("mute").stream().filter(shows(old)::contains).toList();
            site.subscribers().save(new Subscriber(old.email(), true, old.createdAt(), zone, hour, topics, muted, old.languages()),
                    now.toString());
        } catch (IllegalArgumentException e) {
            return form(400, "Please check the time zone, the hour and the number of days.", s, r.param("token"), now);
        }
        // unchanged from what the page showed: the pause stays as it was, not renewed from today
        if (!String.valueOf(pauseDays).equals(r.param("pause-was")) && (pauseDays > 0 || s.pausedUntil() != null)) {
            site.subscribers().pause(old.email(), pauseDays == 0 ? null : now.plus(Duration.ofDays(pauseDays)).toString());
        }
        return form(200, "Saved.", site.subscription(claim.get()).orElse(s), r.param("token"), now);
    }

    static WebResponse notSubscribed() {
        return Pages.page(410, "You are not subscribed", "<p>This link belongs to a subscription that has ended. "
                + "<a href=\"/subscribe\">Subscribe again</a> if you like.</p>");
    }

    private List<String> shows(Subscriber s) {
        return Pages.union(feeds.list().stream().map(Feed::title).filter(Objects::nonNull).sorted().toList(), s.mutedShows());
    }

    private WebResponse form(int status, String note, Subscription s, String token, Instant now) {
        Subscriber sub = s.subscriber();
        String unsubscribeAction = "/unsubscribe?token=" + URLEncoder.encode(unsubscribe.get().issue(sub.email(),
                s.generation()), StandardCharsets.UTF_8);
        long left = s.pausedAt(now) ? Math.max(1, (Duration.between(now, Instant.parse(s.pausedUntil())).toHours() + 23) / 24) : 0;
        String paused = s.pausedAt(now) ? "<p>Your digest is paused until " + esc(s.pausedUntil().substring(0, 10))
                + ". Set 0 days to resume now.</p>" : "";
        return Pages.page(status, "Your preferences", (note == null ? "" : "<p class=\"note\">" + esc(note) + "</p>")
                + "<p>For " + esc(sub.email()) + ".</p>" + paused
                + "<form method=\"post\" action=\"/preferences\">" + hidden("token", token)
                + Pages.timeFields(sub.timeZone(), sub.sendHour(), site.config().defaultSendHour())
                + Pages.checkboxes("Topics", "topic", Pages.union(site.config().topics(), sub.topics()), sub.topics())
                + Pages.checkboxes("Shows you never want to see", "mute", shows(sub), sub.mutedShows())
                + "<label>Pause the digest for this many days (0: no pause)<input type=\"number\" name=\"pause-days\" "
                + "min=\"0\" max=\"" + MAX_PAUSE_DAYS + "\" value=\"" + left + "\"></label>" + hidden("pause-was", Long.toString(left))
                + "<button type=\"submit\">Save</button></form>"
                + "<form method=\"post\" action=\"" + esc(unsubscribeAction) + "\">"
                + hidden("List-Unsubscribe", "One-Click")
                + "<p>No more digests?</p><button type=\"submit\" class=\"secondary\">Unsubscribe</button></form>");
    }
}
