package com.podcastinsights.feed;

import java.util.List;

/**
 * What {@link FeedParser} read from one document: RSS channel or Atom feed, items in document order with
 * duplicates merged. {@code newFeedUrl} is {@code itunes:new-feed-url}, absolute; {@code locked} is
 * {@code podcast:locked} (null when absent).
 */
public record ParsedFeed(String title, String link, String language, String description, String newFeedUrl,
                         String podcastGuid, Boolean locked, List<Person> persons, List<FeedItem> items) {
    public ParsedFeed {
        persons = List.copyOf(persons);
        items = List.copyOf(items);
    }

    public ParsedFeed(String title, List<FeedItem> items) {
        this(title, null, null, null, null, null, null, List.of(), items);
    }

    ParsedFeed withItems(List<FeedItem> newItems) {
        return new ParsedFeed(title, link, language, description, newFeedUrl, podcastGuid, locked, persons, newItems);
    }
}
