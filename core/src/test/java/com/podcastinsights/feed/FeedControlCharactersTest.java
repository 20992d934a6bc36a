package com.podcastinsights.feed;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, item 12: control, bidi and zero-width characters are removed from every feed-derived field when
 * the feed is parsed (fixture feeds/fidelity/control-characters.xml), so no output has to remember to.
 */
class FeedControlCharactersTest {
    private final FeedParser parser = new FeedParser();

    private static boolean hasHiddenCharacter(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff);
    }

    @Test
    void aChannelTitleWithCrLfIsOneLine() throws FeedFormatException {
        ParsedFeed feed = parser.parse(Fixtures.bytes("feeds/fidelity/control-characters.xml"), null);

        assertEquals("Harmless Show Bcc: victim@evil.example", feed.title());
    }

    @Test
    void bidiZeroWidthAndC1ControlsAreStrippedFromTitlesIdsAndNotes() throws FeedFormatException {
        FeedItem item = parser.parse(Fixtures.bytes("feeds/fidelity/control-characters.xml"), null).items().get(0);

        assertEquals("3pm.evil Episode one", item.title());
        assertEquals("ctl-1", item.guid());
        assertEquals("First line\nsecond\tline and more", item.showNotes(), "notes keep their line breaks and tabs");
        assertTrue(!hasHiddenCharacter(item.title()) && !hasHiddenCharacter(item.showNotes()));
    }

    @Test
    void urlsAndAttributesAreCleanedToo() throws FeedFormatException {
        String xml = "<rss><channel><title>T</title><item><guid>g</guid><link>https://ok.example/&#x202E;p</link>"
                + "<enclosure url=\"https://ok.example/a&#x200B;.mp3\" type=\"audio/mpeg&#x200E;\"/>"
                + "<podcast:person role=\"guest&#x202E;\">Ann&#13;&#10;Bcc: x</podcast:person></item></channel></rss>";

        FeedItem item = parser.parse(xml.getBytes(StandardCharsets.UTF_8), URI.create("https://ok.example/")).items().get(0);

        assertEquals("https://ok.example/p", item.link());
        assertEquals("https://ok.example/a.mp3", item.enclosureUrl());
        assertEquals("Ann Bcc: x", item.persons().get(0).name());
        assertEquals("guest", item.persons().get(0).role());
    }
}
