package com.podcastinsights.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedParserTest {
    private static final URI RSS_BASE = URI.create("https://tidewater.example/feed.xml");
    private final FeedParser parser = new FeedParser();

    @Test
    void readsRssChannelAndItems() throws FeedFormatException {
        ParsedFeed feed = parser.parse(Fixtures.bytes("feeds/rss.xml"), RSS_BASE);

        assertEquals("The Tidewater Workshop", feed.title());
        assertEquals(4, feed.items().size());
        FeedItem first = feed.items().get(0);
        assertEquals("tidewater-ep-12", first.guid());
        assertEquals("Steam-bending oak without cracking it", first.title());
        assertEquals("https://tidewater.example/episodes/12", first.link());
        assertEquals("https://tidewater.example/media/ep12.mp3", first.enclosureUrl());
        assertEquals("2026-11-29T09:00:00Z", first.publishedAt());
        assertEquals("<p>We talk about <b>steam boxes</b> &amp; timing.</p>", first.showNotes());
    }

    @Test
    void keepsEveryTranscriptInTheFeedsOrder() throws FeedFormatException {
        FeedItem first = parser.parse(Fixtures.bytes("feeds/rss.xml"), RSS_BASE).items().get(0);

        assertEquals(List.of(
                new TranscriptLink("https://tidewater.example/transcripts/ep12.srt", "application/srt", null, null),
                new TranscriptLink("https://tidewater.example/transcripts/ep12.json", "application/json", "en", null),
                new TranscriptLink("https://cdn.tidewater.example/ep12.vtt", "text/vtt", null, "captions")),
                first.transcripts());
    }

    @Test
    void identityFallsBackFromGuidToLinkToEnclosure() throws FeedFormatException {
        List<FeedItem> items = parser.parse(Fixtures.bytes("feeds/rss.xml"), RSS_BASE).items();

        assertEquals("tidewater-ep-12", items.get(0).identity());
        assertEquals("https://tidewater.example/episodes/11", items.get(1).identity());
        assertEquals("https://tidewater.example/media/ep10.mp3", items.get(2).identity());
        assertNull(items.get(3).identity());
    }

    @Test
    void offsetsAreNormalisedAndImpossibleDatesAreNull() throws FeedFormatException {
        List<FeedItem> items = parser.parse(Fixtures.bytes("feeds/rss.xml"), RSS_BASE).items();

        assertEquals("2026-11-28T15:30:00Z", items.get(1).publishedAt());
        assertNull(items.get(2).publishedAt());
        assertEquals("Caulking & seams", items.get(1).title());
        assertEquals("Cotton, oakum and patience.", items.get(1).showNotes());
    }

    @Test
    void readsAtom() throws FeedFormatException {
        ParsedFeed feed = parser.parse(Fixtures.bytes("feeds/atom.xml"), URI.create("https://ledgers.example/atom.xml"));

        assertEquals("Lanterns and Ledgers", feed.title());
        assertEquals(2, feed.items().size());
        FeedItem seven = feed.items().get(0);
        assertEquals("tag:ledgers.example,2026:ep-7", seven.identity());
        assertEquals("https://ledgers.example/ep/7", seven.link());
        assertEquals("https://ledgers.example/audio/7.mp3", seven.enclosureUrl());
        assertEquals("2026-11-29T07:15:00Z", seven.publishedAt());
        assertEquals("Why two columns beat one.", seven.showNotes());
        assertEquals("https://ledgers.example/t/7.vtt", seven.transcripts().get(0).url());
        FeedItem six = feed.items().get(1);
        assertEquals("2026-11-22T00:00:00Z", six.publishedAt());
        assertTrue(six.showNotes().contains("Keep them"), six.showNotes());
    }

    @Test
    void undeclaredPrefixesDoNotBreakParsing() throws FeedFormatException {
        ParsedFeed feed = parser.parse(Fixtures.bytes("feeds/undeclared-prefixes.xml"), null);

        FeedItem item = feed.items().get(0);
        assertEquals("Prefixes Without Promises", feed.title());
        assertEquals("https://prefixes.example/1.vtt", item.transcripts().get(0).url());
        assertEquals("Show notes from an undeclared itunes prefix.", item.showNotes());
        assertEquals("2026-11-27T07:00:00Z", item.publishedAt());
    }

    @Test
    void externalEntitiesAreRefusedAndNothingLeaks(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-TOKEN");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><guid>a</guid><description>&xxe;</description></item></channel></rss>
                """.formatted(secret.toUri());

        FeedFormatException e = assertThrows(FeedFormatException.class,
                () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), null));
        assertFalse(e.getMessage().contains("TOP-SECRET-TOKEN"));
    }

    @Test
    void externalDtdIsNeverFetchedAndAPlainDoctypeStillParses() throws FeedFormatException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.content("/evil.dtd", "application/xml-dtd",
                    "<!ENTITY title \"from the DTD\">".getBytes(StandardCharsets.UTF_8));
            String xml = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss SYSTEM "%s">
                    <rss version="0.91"><channel><title>Old but honest</title>
                    <item><guid>old-1</guid></item></channel></rss>
                    """.formatted(server.uri("/evil.dtd"));

            ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);

            assertEquals("Old but honest", feed.title());
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void undeclaredEntityWithoutDoctypeIsKeptAsLiteralTextNeverExpanded() throws FeedFormatException {
        String xml = "<rss><channel><title>&xxe;</title></channel></rss>";

        assertEquals("&xxe;", parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).title());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) doc.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            doc.append("\">\n");
        }
        doc.append("]>\n<rss><channel><title>&lol9;</title></channel></rss>");
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);

        // The bound is generous; an expanding parser would take far longer and run out of memory.
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(FeedFormatException.class, () -> parser.parse(bytes, null)));
    }

    @Test
    void malformedXmlAndNonFeedsAreFormatErrors() {
        assertThrows(FeedFormatException.class, () -> parser.parse("<rss><channel>".getBytes(StandardCharsets.UTF_8), null));
        FeedFormatException html = assertThrows(FeedFormatException.class,
                () -> parser.parse("<html><body/></html>".getBytes(StandardCharsets.UTF_8), null));
        assertTrue(html.getMessage().contains("<html>"), html.getMessage());
    }
}
