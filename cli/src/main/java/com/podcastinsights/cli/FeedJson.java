package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.feed.FeedItem;
import com.podcastinsights.feed.ParsedFeed;
import com.podcastinsights.html.HtmlText;
import java.util.List;

/**
 * The parsed-feed JSON of {@code feed inspect --json}, documented in docs/feed-json.md. Every documented
 * key is always present; what the feed does not say is null. Descriptions are plain text.
 */
public final class FeedJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FeedJson() {
    }

    public static String write(ParsedFeed feed) {
        try {
            return MAPPER.writeValueAsString(tree(feed));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static ObjectNode tree(ParsedFeed feed) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", feed.title());
        root.put("link", feed.link());
        root.put("language", feed.language());
        root.put("description", plain(feed.description()));
        root.put("newFeedUrl", feed.newFeedUrl());
        root.put("podcastGuid", feed.podcastGuid());
        root.put("locked", feed.locked());
        root.set("persons", records(feed.persons()));
        ArrayNode episodes = root.putArray("episodes");
        for (FeedItem item : feed.items()) {
            episodes.add(episode(item));
        }
        return root;
    }

    private static ObjectNode episode(FeedItem item) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("guid", item.identity());
        e.put("title", item.title());
        e.put("link", item.link());
        e.put("published", item.publishedAt());
        e.put("durationSeconds", item.durationSeconds());
        if (item.enclosureUrl() == null) {
            e.putNull("enclosure");
        } else {
            ObjectNode enc = e.putObject("enclosure");
            enc.put("url", item.enclosureUrl());
            enc.put("length", item.enclosureLength());
            enc.put("type", item.enclosureType());
        }
        e.set("transcripts", records(item.transcripts()));
        e.put("chaptersUrl", item.chaptersUrl());
        e.put("season", item.season());
        e.put("episode", item.episode());
        e.put("description", plain(item.showNotes()));
        e.set("persons", records(item.persons()));
        return e;
    }

    /**
     * Persons and transcript links are written as their records are: one key per component, in the order declared,
     * nulls included, which is what docs/feed-json.md documents (FeedJsonTest holds the two to each other).
     */
    private static ArrayNode records(List<? extends Record> records) {
        return MAPPER.valueToTree(records);
    }

    private static String plain(String html) {
        if (html == null) return null;
        String text = HtmlText.toText(html);
        return text.isEmpty() ? null : text;
    }
}
