package com.podcastinsights.transcript;

import java.util.List;

/**
 * The one transcript model every format is read into, and the JSON stored in the bucket.
 * {@code source} is the format it came from (json, vtt, srt, html, text, show-notes); ranking may weigh
 * show notes lower.
 */
public record Transcript(String feedId, String episodeId, String language, String source,
                         List<Segment> segments) {
}
