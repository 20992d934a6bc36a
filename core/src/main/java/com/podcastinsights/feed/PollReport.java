package com.podcastinsights.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.json.Json;

/**
 * What one polling run did. {@code announced} counts Episode Discovered events published, which includes
 * episodes left unannounced by an earlier run; {@code publishFailures} counts feeds whose events could not be
 * published this time (they are retried on the next run). {@code skipped} counts feeds not fetched, or fetched
 * but not processed, because the run's time budget ran out; they go first next run. {@code newEpisodes} counts
 * every episode recorded for the first time, {@code backCatalogue} those of them published before the freshness
 * window (recorded, never announced). {@code capped} counts feeds cut short by the per-feed cap on new episodes or
 * the per-feed time share; the next poll reads them again and goes on.
 */
public record PollReport(int feeds, int notModified, int failed, int newEpisodes, int announced,
                         int publishFailures, int skipped, int backCatalogue, int capped) {
    public PollReport(int feeds, int notModified, int failed, int newEpisodes, int announced, int publishFailures,
                      int skipped) {
        this(feeds, notModified, failed, newEpisodes, announced, publishFailures, skipped, 0, 0);
    }

    public PollReport(int feeds, int notModified, int failed, int newEpisodes, int announced, int publishFailures) {
        this(feeds, notModified, failed, newEpisodes, announced, publishFailures, 0);
    }

    /** The handler's JSON summary of the poll. */
    public ObjectNode summary() {
        return Json.MAPPER.createObjectNode()
                .put("feeds", feeds)
                .put("notModified", notModified)
                .put("failed", failed)
                .put("newEpisodes", newEpisodes)
                .put("announced", announced)
                .put("publishFailures", publishFailures)
                .put("skipped", skipped);
    }
}
