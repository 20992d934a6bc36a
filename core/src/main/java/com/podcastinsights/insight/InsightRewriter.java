package com.podcastinsights.insight;

import java.util.List;

/**
 * Optional model step over an episode's best candidates: it judges each one (a standalone claim, or an ad, intro,
 * plug, banter or fragment that slipped past the extractive filters) and rewrites the ones it keeps in the
 * product's style. Returns one verdict per passage, in order. A rejected candidate is dropped; a kept one shows
 * its rewrite, or its extractive text where the rewrite could not be used (off, over budget, failed, not grounded),
 * so the step can only remove insights by judging them, never by failing.
 */
public interface InsightRewriter {
    List<Verdict> review(List<RankedPassage> passages);

    /** Keep (with the text to show) or drop; {@code reason} is the model's, for the log. */
    record Verdict(boolean keep, String text, String reason) {
        public static Verdict kept(String text) {
            return new Verdict(true, text, "");
        }

        public static Verdict dropped(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    /** The default: no model, no network, every passage kept with its extractive text. */
    InsightRewriter NONE = passages -> passages.stream().map(p -> Verdict.kept(p.text())).toList();
}
