package com.podcastinsights.insight;

import java.util.List;

/**
 * Optional abstractive step: rewrites ranked passages as standalone insights in the product's style. Returns one
 * text per passage, in order; a passage that could not be rewritten (off, over budget, not grounded) keeps its
 * extractive text, so the caller never loses an insight to this step.
 */
public interface InsightRewriter {
    List<String> rewrite(List<RankedPassage> passages);

    /** The default: no model, no network, the extractive text as it is. */
    InsightRewriter NONE = passages -> passages.stream().map(RankedPassage::text).toList();
}
