package com.podcastinsights.feed;

/**
 * What one polling run did. {@code announced} counts Episode Discovered events published, which includes
 * episodes left unannounced by an earlier run; {@code publishFailures} counts feeds whose events could not be
 * published this time (they are retried on the next run). {@code skipped} counts feeds not fetched because the
 * run's time budget ran out; they go first next run.
 */
public record PollReport(int feeds, int notModified, int failed, int newEpisodes, int announced,
                         int publishFailures, int skipped) {
    public PollReport(int feeds, int notModified, int failed, int newEpisodes, int announced, int publishFailures) {
        this(feeds, notModified, failed, newEpisodes, announced, publishFailures, 0);
    }
}
