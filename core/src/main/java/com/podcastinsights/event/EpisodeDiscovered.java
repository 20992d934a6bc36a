package com.podcastinsights.event;

/** Detail of {@code Episode Discovered}: emitted once per new episode by FetchFeeds. */
public record EpisodeDiscovered(String feedId, String episodeId, String podcastTitle, String episodeTitle,
                                String publishedAt) {
}
