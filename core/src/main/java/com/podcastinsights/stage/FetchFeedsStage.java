package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedFanOut;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.PollLimits;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Table;

import java.time.Clock;
import java.time.Duration;

/** FetchFeeds: the schedule, or one batch of it, polls feeds and announces their new episodes. */
public final class FetchFeedsStage {
    private FetchFeedsStage() {
    }

    /** The template's FeedsPerInvocation, MaxNewEpisodesPerFeed and EpisodeFreshnessHours. */
    public record Config(int feedsPerInvocation, PollLimits limits) {
        public static Config defaults() {
            return new Config(FeedFanOut.DEFAULT_FEEDS_PER_INVOCATION, PollLimits.defaults());
        }

        public static Config from(Env env) {
            return new Config(
                    (int) env.wholeNumber("FEEDS_PER_INVOCATION", FeedFanOut.DEFAULT_FEEDS_PER_INVOCATION, 1),
                    new PollLimits(
                            (int) env.wholeNumber("MAX_NEW_EPISODES_PER_FEED", PollLimits.DEFAULT_MAX_NEW_PER_FEED, 1),
                            Duration.ofHours(env.wholeNumber("EPISODE_FRESHNESS_HOURS",
                                    PollLimits.DEFAULT_FRESHNESS.toHours(), 1)),
                            PollLimits.DEFAULT_PER_FEED));
        }
    }

    public static FeedFanOut build(Config config, Table table, BlobStore blobs, EventPublisher events,
                                   SafeHttpClient http, Clock clock) {
        FeedRepository feeds = new FeedRepository(table);
        FeedPoller poller = new FeedPoller(feeds, new EpisodeRepository(table), blobs, events, http, clock,
                FeedPoller.DEFAULT_CONCURRENCY, FeedPoller.DEFAULT_PER_HOST, System.err, config.limits());
        return new FeedFanOut(feeds, poller, events, config.feedsPerInvocation());
    }
}
