package com.podcastinsights.feed;

import java.util.List;

/**
 * What {@link FeedParser} read from one document: RSS channel or Atom feed, items in document order.
 * {@code language} is the RSS channel's {@code <language>}, null when absent (and for Atom).
 */
public record ParsedFeed(String title, List<FeedItem> items, String language) {
    public ParsedFeed {
        items = List.copyOf(items);
    }

    public ParsedFeed(String title, List<FeedItem> items) {
        this(title, items, null);
    }
}
