package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.feed.FeedItem;
import com.podcastinsights.feed.ParsedFeed;
import com.podcastinsights.feed.Person;
import com.podcastinsights.feed.TranscriptLink;
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

    /**
     * docs/feed-json.md as records: Jackson writes each component as a key, in the order declared, nulls included
     * (persons and transcript links too, as their own records are), which FeedJsonTest holds to the document.
     */
    private record Feed(String title, String link, String language, String description, String newFeedUrl,
                        String podcastGuid, Boolean locked, List<Person> persons, List<Episode> episodes) {
    }

    private record Episode(String guid, String title, String link, String published, Integer durationSeconds,
                           Enclosure enclosure, List<TranscriptLink> transcripts, String chaptersUrl, Integer season,
                           Integer episode, String description, List<Person> persons) {
    }

    private record Enclosure(String url, Long length, String type) {
    }

    public static ObjectNode tree(ParsedFeed feed) {
        return MAPPER.valueToTree(new Feed(feed.title(), feed.link(), feed.language(), plain(feed.description()),
                feed.newFeedUrl(), feed.podcastGuid(), feed.locked(), feed.persons(),
                feed.items().stream().map(FeedJson::episode).toList()));
    }

    private static Episode episode(FeedItem item) {
        Enclosure enclosure = item.enclosureUrl() == null ? null
                : new Enclosure(item.enclosureUrl(), item.enclosureLength(), item.enclosureType());
        return new Episode(item.identity(), item.title(), item.link(), item.publishedAt(), item.durationSeconds(),
                enclosure, item.transcripts(), item.chaptersUrl(), item.season(), item.episode(),
                plain(item.showNotes()), item.persons());
    }

    private static String plain(String html) {
        if (html == null) return null;
        String text = HtmlText.toText(html);
        return text.isEmpty() ? null : text;
    }
}
