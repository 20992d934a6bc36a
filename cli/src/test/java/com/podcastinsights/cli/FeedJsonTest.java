package com.podcastinsights.cli;

import com.podcastinsights.feed.FeedFormatException;
import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.feed.ParsedFeed;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code feed inspect --json} shows of a feed's text (docs/feed-json.md): plain text, as written. */
class FeedJsonTest {
    private static final URI BASE = URI.create("https://fidelity.example/feed.xml");
    private final FeedParser parser = new FeedParser();

    private ParsedFeed fixture(String name) throws FeedFormatException {
        return parser.parse(Fixtures.bytes("feeds/fidelity/" + name), BASE);
    }

    @Test
    void literalAngleBracketsInPlainTextNotesAreKept() throws FeedFormatException {
        ParsedFeed feed = fixture("text-fidelity.xml");

        String json = FeedJson.write(feed);
        assertEquals("Press <Ctrl>+C to copy, then a < b.",
                FeedJson.tree(feed).get("episodes").get(0).get("description").asText(), json);
        assertEquals("Line one\nLine two", FeedJson.tree(feed).get("episodes").get(1).get("description").asText());
    }

    @Test
    void atomTextContentIsShownAsWritten() throws FeedFormatException {
        ParsedFeed feed = fixture("atom-title-types.xml");

        assertEquals("Use <Ctrl> and <Alt>.",
                FeedJson.tree(feed).get("episodes").get(0).get("description").asText(), "type=\"text\" is text");
    }
}
