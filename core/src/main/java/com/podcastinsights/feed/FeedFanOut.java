package com.podcastinsights.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.json.Json;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.FeedBatchRequested;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a scheduled fetch that is too big for one invocation into {@code Feed Batch Requested} events, and polls
 * one such batch. Each batch runs in its own FetchFeeds invocation, so the batches run in parallel.
 *
 * <p>One invocation takes {@link #DEFAULT_FEEDS_PER_INVOCATION} feeds (docs/performance-feeds.md says why). A batch
 * event never fans out again, so there is no loop. Under replay a batch is simply polled again: conditional GET
 * makes that cheap and episodes are recorded once, so only a duplicate announcement of nothing new can result.
 */
public final class FeedFanOut {
    /** 250 / 32 in flight = 8 waves of the 20 s HTTP deadline = 160 s at worst, inside the 300 s timeout. */
    public static final int DEFAULT_FEEDS_PER_INVOCATION = 250;
    /**
     * A batch's detail is about 19 bytes per id (16 hex digits, quotes, comma): 1,000 ids are 19 KB, far under
     * EventBridge's 256 KB per entry; more would also not fit the time budget of one invocation.
     */
    public static final int MAX_FEEDS_PER_INVOCATION = 1_000;

    private final FeedRepository feeds;
    private final FeedPoller poller;
    private final EventPublisher events;
    private final int feedsPerInvocation;

    public FeedFanOut(FeedRepository feeds, FeedPoller poller, EventPublisher events, int feedsPerInvocation) {
        if (feedsPerInvocation < 1 || feedsPerInvocation > MAX_FEEDS_PER_INVOCATION) {
            throw new IllegalArgumentException("feeds per invocation must be 1 to " + MAX_FEEDS_PER_INVOCATION
                    + ", not " + feedsPerInvocation);
        }
        this.feeds = feeds;
        this.poller = poller;
        this.events = events;
        this.feedsPerInvocation = feedsPerInvocation;
    }

    /** What a scheduled run did: either it polled every feed itself, or it requested batches. */
    public record ScheduledRun(int feeds, Optional<PollReport> polled, int batches, PollReport backlog) {
        /** What the handler returns: the poll's summary, or the fan-out's. */
        public ObjectNode summary() {
            return polled.map(PollReport::summary).orElseGet(() -> Json.MAPPER.createObjectNode()
                    .put("feeds", feeds)
                    .put("batches", batches)
                    .put("announced", backlog.announced())
                    .put("publishFailures", backlog.publishFailures()));
        }
    }

    /**
     * The scheduled run: polls every feed when they fit one invocation; otherwise announces the backlog and
     * publishes one batch event per {@code feedsPerInvocation} feeds, and polls none. A failed publish throws, so
     * the invocation is retried as a whole; the batches already published are then requested twice, which
     * replay-safety makes harmless.
     */
    public ScheduledRun onSchedule(String scheduledTime, Instant startBy) {
        return onScheduleWithin(scheduledTime, PollBudget.startingBy(startBy));
    }

    /** As {@link #onSchedule(String, Instant)}, with the invocation's whole budget. */
    public ScheduledRun onScheduleWithin(String scheduledTime, PollBudget budget) {
        List<Feed> all = feeds.list();
        List<FeedBatchRequested> batches = plan(all, feedsPerInvocation, scheduledTime);
        if (batches.isEmpty()) {
            return new ScheduledRun(all.size(), Optional.of(poller.pollAllWithin(all, budget)), 0, null);
        }
        PollReport backlog = poller.announceBacklog(budget);
        // the publisher sends as many per request as the bus takes
        events.publish(batches.stream().map(FeedFanOut::event).toList());
        return new ScheduledRun(all.size(), Optional.empty(), batches.size(), backlog);
    }

    /** What one batch invocation did; {@code unsubscribed} counts ids removed since the batch was requested. */
    public record BatchRun(PollReport report, int unsubscribed) {
        public ObjectNode summary(FeedBatchRequested batch) {
            return report.summary()
                    .put("batchIndex", batch.batchIndex())
                    .put("batchCount", batch.batchCount())
                    .put("scheduledTime", batch.scheduledTime())
                    .put("unsubscribed", unsubscribed);
        }
    }

    /** Polls exactly the batch's feeds that are still subscribed. */
    public BatchRun onBatch(FeedBatchRequested batch, Instant startBy) {
        return onBatchWithin(batch, PollBudget.startingBy(startBy));
    }

    /** As {@link #onBatch(FeedBatchRequested, Instant)}, with the invocation's whole budget. */
    public BatchRun onBatchWithin(FeedBatchRequested batch, PollBudget budget) {
        List<String> ids = batch.feedIds().stream().distinct().toList();
        List<Feed> found = new ArrayList<>();
        for (String id : ids) {
            feeds.find(id).ifPresent(found::add);
        }
        return new BatchRun(poller.pollBatchWithin(found, budget), ids.size() - found.size());
    }

    /**
     * The fan-out decision: no batch when the feeds fit one invocation, else ceil(n / size) batches that
     * cover every feed exactly once, least recently fetched first.
     */
    static List<FeedBatchRequested> plan(List<Feed> all, int size, String scheduledTime) {
        if (all.size() <= size) return List.of();
        List<String> ids = all.stream().sorted(FeedPoller.LEAST_RECENTLY_FETCHED_FIRST).map(Feed::id).toList();
        int count = (ids.size() + size - 1) / size;
        List<FeedBatchRequested> batches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batches.add(new FeedBatchRequested(ids.subList(i * size, Math.min(ids.size(), (i + 1) * size)), i,
                    count, scheduledTime));
        }
        return batches;
    }

    static PipelineEvent event(FeedBatchRequested batch) {
        return EventEnvelope.toPipelineEvent(PipelineEvents.FEED_BATCH_REQUESTED, batch);
    }
}
