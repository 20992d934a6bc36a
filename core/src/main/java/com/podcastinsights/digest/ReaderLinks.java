package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links of one reader's digest into the reader web (the function that serves one-click unsubscribe): the
 * day's archive page, their preferences and a feedback pair per insight. Preference links last
 * {@link #PREFERENCES_TTL} (a reader acts on a recent digest; the next one brings a fresh link), feedback links
 * {@link #FEEDBACK_TTL}. Both name the subscription's generation, so links of an earlier subscription stop working.
 */
public final class ReaderLinks {
    public static final Duration PREFERENCES_TTL = Duration.ofDays(60), FEEDBACK_TTL = Duration.ofDays(30);
    private final String base;
    private final WebToken tokens;

    /** {@code base}: the reader web's root URL (the Function URL, or the local server's). */
    public ReaderLinks(String base, WebToken tokens) {
        String b = base == null ? "" : base.trim();
        int q = b.indexOf('?');
        if (q >= 0) b = b.substring(0, q);
        if (!MailText.isWebLink(b)) throw new IllegalArgumentException("the reader web's URL must be http(s): " + MailText.headerValue(base));
        this.base = b.endsWith("/") ? b : b + "/";
        this.tokens = tokens;
    }

    /** On the one-click unsubscribe endpoint: the reader web is served by the same function. */
    public static ReaderLinks on(UnsubscribeLinks unsubscribe) {
        return new ReaderLinks(unsubscribe.endpoint(), new WebToken(unsubscribe.keys()));
    }

    public String base() {
        return base;
    }

    public String archive(String day) {
        return base + "archive/" + day;
    }

    public String preferences(String email, long generation, Instant now) {
        return base + "preferences?token=" + enc(tokens.issue(WebToken.Purpose.PREFERENCES, now.plus(PREFERENCES_TTL),
                SubscriberRepository.normalize(email), Long.toString(generation)));
    }

    public String feedback(String email, long generation, Insight i, ReaderFeedback.Verdict verdict, Instant now) {
        return base + "feedback?token=" + enc(tokens.issue(WebToken.Purpose.FEEDBACK, now.plus(FEEDBACK_TTL),
                SubscriberRepository.normalize(email), Long.toString(generation), i.episodeId(), i.id(), verdict.slug()));
    }

    /** Every link of one reader's digest. */
    public DigestRenderer.Links forDigest(String email, long generation, String day, List<Insight> insights, Instant now) {
        Map<String, String> useful = new HashMap<>(), notForMe = new HashMap<>();
        for (Insight i : insights) {
            useful.put(i.id(), feedback(email, generation, i, ReaderFeedback.Verdict.USEFUL, now));
            notForMe.put(i.id(), feedback(email, generation, i, ReaderFeedback.Verdict.NOT_FOR_ME, now));
        }
        return new DigestRenderer.Links(archive(day), preferences(email, generation, now), useful, notForMe);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
