package com.podcastinsights.cli;

import com.podcastinsights.feed.FeedFormatException;
import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.feed.ParsedFeed;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

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

    /** The example of docs/feed-json.md, as the feed that says it: FeedJson must print that, key for key, in order. */
    @Test
    void writesTheDocumentedExampleWithItsKeysInOrder() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("project.root", "..")).resolve("docs/feed-json.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        JsonNode documented = Json.MAPPER.readTree(doc.substring(start, doc.indexOf("```", start)));
        String xml = """
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
                <title>Quay Talk</title><link>https://quay.example/</link><language>en</language>
                <description>Dock side &amp; more</description>
                <item><guid>q-1</guid><title>Ropes</title><pubDate>Tue, 01 Sep 2026 08:00:00 GMT</pubDate>
                <itunes:duration>12:30</itunes:duration>
                <enclosure url="https://quay.example/audio/q1.mp3?a=1&amp;b=2" length="1000" type="audio/mpeg"/>
                <podcast:transcript url="https://quay.example/t/q1.vtt" type="text/vtt" language="en" rel="captions"/>
                <podcast:chapters url="https://quay.example/c/q1.json" type="application/json+chapters"/>
                <itunes:season>2</itunes:season><itunes:episode>5</itunes:episode>
                <description>Knots, bends and hitches.</description>
                <podcast:person role="guest">Bo Pier</podcast:person></item>
                </channel></rss>""";
        JsonNode written = FeedJson.tree(parser.parse(xml.getBytes(StandardCharsets.UTF_8),
                URI.create("https://quay.example/feed.xml")));

        // compared as written text: key order counts, and a length is a number whether int or long
        assertEquals(Json.MAPPER.writeValueAsString(documented), Json.MAPPER.writeValueAsString(written));
    }
}
