package com.podcastinsights.feed;

import com.podcastinsights.ids.Sha256;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.store.RecordItems;
import com.podcastinsights.port.Table;


import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Feed subscriptions and their fetch state, in the single table. */
public final class FeedRepository {
    /** A feed item's attributes, one for each component of {@link Feed}. */
    private static final RecordItems<Feed> ITEMS = new RecordItems<>(Feed.class, "feedId", "url", "title", "etag",
            "lastModified", "lastSuccessAt", "consecutiveFailures", "lastError", "transcribe", "contentSha256");
    private final Table table;

    public FeedRepository(Table table) {
        this.table = table;
    }

    /** A stable id for a feed URL: the first 16 hex digits of its SHA-256. */
    public static String idFor(String url) {
        return Sha256.hex(url.trim()).substring(0, 16);
    }

    /** Adds a feed; returns false when it is already subscribed (its state is left alone). */
    public boolean add(String url, String title) {
        return add(url, title, false);
    }

    /**
     * Adds a feed, opted in to speech-to-text or not; false when it is already subscribed (left alone). A known-items
     * set left from an earlier subscription of the same URL is dropped: a poll racing that subscription's removal
     * may have forgotten episodes it names.
     */
    public boolean add(String url, String title, boolean transcribe) {
        String id = idFor(url);
        boolean added = table.putIfAbsent(toItem(new Feed(id, url.trim(), title, null, null, null, 0, null, transcribe)));
        if (added) table.delete(Keys.feedPk(id), Keys.KNOWN_EPISODES_SK);
        return added;
    }

    /** Opts a subscribed feed in to (or out of) speech-to-text; false when there is no such feed. */
    public boolean setTranscribe(String feedId, boolean on) {
        Map<String, Object> set = new HashMap<>();
        set.put("transcribe", on ? Boolean.TRUE : null);
        return table.updateExisting(Keys.feedPk(feedId), Keys.FEED_SK, set, Map.of());
    }

    /**
     * Writes what a poll learnt about the feed (its health, validators, content hash, a move, a missing title)
     * and nothing else, and only while the feed is still subscribed: a {@code feeds remove} or {@code feeds update}
     * made while the poll ran stays made. False when the feed was removed meanwhile.
     */
    public boolean recordPoll(Feed polled) {
        Map<String, Object> health = new HashMap<>();
        health.put("url", polled.url());
        health.put("etag", polled.etag());
        health.put("lastModified", polled.lastModified());
        health.put("lastSuccessAt", polled.lastSuccessAt());
        health.put("consecutiveFailures", (long) polled.consecutiveFailures());
        health.put("lastError", polled.lastError());
        health.put("contentSha256", polled.contentSha256());
        Map<String, Object> ifAbsent = new HashMap<>();
        ifAbsent.put("title", polled.title());
        return table.updateExisting(Keys.feedPk(polled.id()), Keys.FEED_SK, health, ifAbsent);
    }

    public Optional<Feed> find(String feedId) {
        return table.get(Keys.feedPk(feedId), Keys.FEED_SK).map(FeedRepository::fromItem);
    }

    public List<Feed> list() {
        return table.queryIndex(Keys.FEEDS_INDEX, false, Integer.MAX_VALUE).stream()
                .map(FeedRepository::fromItem).toList();
    }

    public void save(Feed feed) {
        table.put(toItem(feed));
    }

    /** Unsubscribes the feed; its episodes stay (they are what keeps them from counting as new again). */
    public void remove(String feedId) {
        table.delete(Keys.feedPk(feedId), Keys.FEED_SK);
        table.delete(Keys.feedPk(feedId), Keys.KNOWN_EPISODES_SK);
    }

    static Item toItem(Feed f) {
        Item.Builder item = Item.of(Keys.feedPk(f.id()), Keys.FEED_SK).index(Keys.FEEDS_INDEX, f.id()).with("type", "Feed");
        return ITEMS.write(item, f).build();
    }

    static Feed fromItem(Item i) {
        return ITEMS.read(i);
    }
}
