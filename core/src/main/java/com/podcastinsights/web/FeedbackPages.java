package com.podcastinsights.web;

import com.podcastinsights.digest.ReaderFeedback;
import com.podcastinsights.digest.ReaderLinks;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;

import java.time.Instant;
import java.util.Optional;

import static com.podcastinsights.web.Pages.esc;
import static com.podcastinsights.web.Pages.hidden;

/**
 * {@code /feedback?token=…}: "useful" or "not for me" on one insight of a digest. Mail scanners fetch every link,
 * so GET only shows the insight and one button; the POST records the vote ({@link ReaderFeedback}).
 */
public record FeedbackPages(PageContext site, InsightRepository insights, ReaderFeedback feedback) {
    static final RateLimit.Caps CAPS = new RateLimit.Caps(100, 300);

    WebResponse handle(WebRequest r) {
        Instant now = site.clock().instant();
        Optional<WebToken.Claim> claim = site.tokens().verify(WebToken.Purpose.FEEDBACK, r.param("token"), now);
        ReaderFeedback.Verdict verdict = claim.map(c -> ReaderFeedback.Verdict.parse(c.field(4))).orElse(null);
        if (verdict == null) return Pages.badLink();
        WebToken.Claim c = claim.get();
        Optional<Subscription> s = site.subscription(c);
        if (s.isEmpty()) return PreferencesPage.notSubscribed();
        Optional<Insight> insight = insights.forEpisode(c.field(2)).stream().filter(i -> i.id().equals(c.field(3))).findFirst();
        if (insight.isEmpty()) return Pages.error(404, "This insight is no longer available", "Thank you all the same.");
        String label = verdict == ReaderFeedback.Verdict.USEFUL ? "Useful" : "Not for me";
        String quote = "<div class=\"card\"><p>" + esc(insight.get().text()) + "</p><p class=\"meta\">"
                + esc(insight.get().podcastTitle()) + " — " + esc(insight.get().episodeTitle()) + "</p></div>";
        if (!r.post()) {
            return Pages.page(200, "Tell us: " + label + "?", quote + "<form method=\"post\" action=\"/feedback\">"
                    + hidden("token", r.param("token")) + "<button type=\"submit\">" + esc(label) + "</button></form>");
        }
        if (!site.limits().allow("feedback", CAPS, c.field(0), r.source(), now)) return Pages.tooMany();
        feedback.record(c.field(0), insight.get(), verdict, now.toString());
        String prefs = new ReaderLinks(r.base(), site.tokens()).preferences(c.field(0), s.get().generation(), now);
        return Pages.page(200, "Thank you", quote + "<p>Recorded: <strong>" + esc(label) + "</strong>. Your next "
                + "digests lean " + (verdict == ReaderFeedback.Verdict.USEFUL ? "towards" : "away from")
                + " this show and your topics it touches.</p><p><a href=\"" + esc(prefs) + "\">Your preferences</a></p>");
    }
}
