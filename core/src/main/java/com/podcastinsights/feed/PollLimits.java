package com.podcastinsights.feed;

import java.time.Duration;

/**
 * How much one poll may do for one feed, so a hostile or merely huge feed cannot stall the others of its batch.
 *
 * <p>{@code maxNewPerFeed}: new episodes recorded per feed per poll (template parameter MaxNewEpisodesPerFeed); a
 * feed with more is read again on the next poll, which records the next ones. {@code freshness}: only episodes
 * published this recently (or, undated, discovered now) are announced (EpisodeFreshnessHours); older ones are
 * recorded, so they never count as new later, and nothing else. {@code perFeed}: the processing time one feed
 * may take (parse, record, announce) before the poll moves on to the next.
 */
public record PollLimits(int maxNewPerFeed, Duration freshness, Duration perFeed) {
    public static final int DEFAULT_MAX_NEW_PER_FEED = 100;
    public static final Duration DEFAULT_FRESHNESS = Duration.ofHours(48);
    /**
     * 250 feeds in a 300 s invocation leave about a second each on average; most need milliseconds, so a slow one
     * may take ten before it is cut: that is a hundred new episodes' writes and events against DynamoDB with room.
     */
    public static final Duration DEFAULT_PER_FEED = Duration.ofSeconds(10);

    public PollLimits {
        if (maxNewPerFeed < 1) throw new IllegalArgumentException("maxNewPerFeed must be at least 1, not " + maxNewPerFeed);
        if (freshness.isNegative() || freshness.isZero()) throw new IllegalArgumentException("freshness must be positive");
        if (perFeed.isNegative() || perFeed.isZero()) throw new IllegalArgumentException("perFeed must be positive");
    }

    public static PollLimits defaults() {
        return new PollLimits(DEFAULT_MAX_NEW_PER_FEED, DEFAULT_FRESHNESS, DEFAULT_PER_FEED);
    }
}
