package com.podcastinsights.feed;

import java.util.List;

/** What {@link FeedParser} read from one document: RSS channel or Atom feed, items in document order. */
public record ParsedFeed(String title, List<FeedItem> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
