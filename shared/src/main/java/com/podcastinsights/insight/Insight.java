package com.podcastinsights.insight;

/**
 * A ranked passage, attributed. {@code link} points at the moment it was said (enclosure URL with
 * {@code #t=SECONDS}); {@code episodeUrl} is the episode page when the feed gives one.
 */
public record Insight(String id, String feedId, String episodeId, String podcastTitle, String episodeTitle,
                      String text, double score, double startSeconds, String speaker, String link,
                      String episodeUrl, String day) {
}
