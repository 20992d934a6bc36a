package com.podcastinsights.event;

import java.util.List;

/**
 * Detail of {@code Feed Batch Requested}: emitted by the scheduled FetchFeeds run when the table holds more feeds
 * than one invocation takes, one per batch, and routed back to FetchFeeds, which polls exactly these feeds.
 * {@code scheduledTime} is the schedule's time, the same for every batch of a run, so a replay is recognisable.
 */
public record FeedBatchRequested(List<String> feedIds, int batchIndex, int batchCount, String scheduledTime) {
    public FeedBatchRequested {
        feedIds = List.copyOf(feedIds);
    }
}
