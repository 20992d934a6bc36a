package com.podcastinsights.http;

import java.time.Duration;

/**
 * What the one HTTP client may do. {@code allowLoopback} is for local mode only (sample podcasts served on
 * 127.0.0.1); in Lambda it is always false.
 */
public record HttpPolicy(boolean allowLoopback, long maxBytes, Duration timeout, int maxRedirects,
                         String userAgent) {
    public static final String USER_AGENT = "PodcastInsights/1.0 (+https://github.com/podcast-insights)";

    public static HttpPolicy production() {
        return new HttpPolicy(false, 16L * 1024 * 1024, Duration.ofSeconds(20), 5, USER_AGENT);
    }

    public static HttpPolicy local() {
        return new HttpPolicy(true, 16L * 1024 * 1024, Duration.ofSeconds(20), 5, USER_AGENT);
    }
}
