package com.podcastinsights.feed;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 14: what podcast feeds mean, not just what they spell. One fixture per item of the issue, under
 * feeds/fidelity/, each written for this test.
 */
class FeedFidelityTest {
    private static final URI BASE = URI.create("https://fidelity.example/feed.xml");
    private final FeedParser parser = new FeedParser();

    private ParsedFeed fixture(String name) throws FeedFormatException {
        return parser.parse(Fixtures.bytes("feeds/fidelity/" + name), BASE);
    }

    private static FeedItem item(ParsedFeed feed, String guid) {
        return feed.items().stream().filter(i -> guid.equals(i.guid())).findFirst().orElseThrow();
    }

    // 1. Enclosures are chosen by type

    @Test
    void theAudioEnclosureIsTheEpisodeWhereverTheCoverArtIsListed() throws FeedFormatException {
        ParsedFeed feed = fixture("enclosure-by-type.xml");

        FeedItem cover = item(feed, "cover-first");
        assertEquals("https://cover.example/audio/1.mp3", cover.enclosureUrl());
        assertEquals("audio/mpeg", cover.enclosureType());
        assertEquals(9_000_000L, cover.enclosureLength());
        assertEquals("https://cover.example/video/2.mp4", item(feed, "media-image-then-video").enclosureUrl());
        assertEquals("https://cover.example/audio/3.m4a", item(feed, "audio-beats-video").enclosureUrl());
        assertEquals("https://cover.example/files/4.mp3?source=feed", item(feed, "by-extension").enclosureUrl());
        assertNull(item(feed, "only-a-pdf").enclosureUrl(), "a PDF is not an episode's audio");
    }

    // 2. Namespaces by URI

    @Test
    void elementsAreMatchedByNamespaceUriWhateverThePrefix() throws FeedFormatException {
        ParsedFeed feed = fixture("namespaces-by-uri.xml");

        assertEquals("Prefixes Are Only Names", feed.title(), "a prefixed root is a feed too");
        FeedItem one = item(feed, "ns-1");
        assertEquals("Declared under other prefixes", one.title(), "x:title is another vocabulary's title");
        assertEquals(750, one.durationSeconds());
        assertEquals("<p>Show notes in content:encoded.</p>", one.showNotes());
        assertEquals(List.of(new TranscriptLink("https://ns.example/1.vtt", "text/vtt", null, null)), one.transcripts());

        FeedItem two = item(feed, "ns-2");
        assertEquals(3_605, two.durationSeconds(), "default namespace, the DTDs/Podcast spelling");
        assertEquals("https://ns.example/2.srt", two.transcripts().get(0).url(), "the GitHub URI of the namespace");

        FeedItem three = item(feed, "ns-3");
        assertEquals(3, three.season(), "undeclared podcast: prefix");
        assertEquals("https://ns.example/3.mp3", three.enclosureUrl(), "undeclared media: prefix");
    }

    @Test
    void anAtomFeedWithAPrefixedRootParses() throws FeedFormatException {
        String xml = "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"><a:title>Prefixed Atom</a:title>"
                + "<a:entry><a:id>e-1</a:id><a:title>One</a:title></a:entry></a:feed>";

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);

        assertEquals("Prefixed Atom", feed.title());
        assertEquals("One", feed.items().get(0).title());
    }

    // 3. Only direct children

    @Test
    void aTitleInsideAChildElementIsNotTheItemsTitle() throws FeedFormatException {
        FeedItem item = fixture("direct-children.xml").items().get(0);

        assertEquals("Real title", item.title());
        assertEquals("https://children.example/1", item.link());
    }

    @Test
    void anAtomEntrysSourceDoesNotLendItsTitleOrId() throws FeedFormatException {
        FeedItem entry = fixture("direct-children-atom.xml").items().get(0);

        assertEquals("Entry title", entry.title());
        assertEquals("tag:children.example,2026:entry-1", entry.guid());
    }

    // 4. Text fidelity

    @Test
    void windows1252CodePointsWrittenAsC1ReferencesAreTheirQuotes() throws FeedFormatException {
        ParsedFeed feed = fixture("text-fidelity.xml");

        assertEquals("Don\u2019t Panic", feed.title());
        assertEquals("It\u2019s \u201cquoted\u201d \u2013 and dashed", item(feed, "text-1").title());
    }

    @Test
    void atomHtmlAndXhtmlTitlesAreDecodedToPlainText() throws FeedFormatException {
        ParsedFeed feed = fixture("atom-title-types.xml");

        assertEquals("Q&A live \u00e4", feed.title());
        assertEquals("Episode 2", feed.items().get(0).title());
        assertEquals("Plain <text> stays as written", feed.items().get(1).title());
    }

    @Test
    void atom03EscapedTitlesAreDecodedAndItsOldFieldsRead() throws FeedFormatException {
        ParsedFeed feed = fixture("atom03-escaped.xml");

        assertEquals("Old Atom Feed", feed.title());
        assertEquals("A feed from 2004", feed.description());
        FeedItem first = feed.items().get(0);
        assertEquals("Caf\u00e9 talk", first.title());
        assertEquals("2004-06-01T10:00:00Z", first.publishedAt(), "issued, before modified");
        assertEquals("<p>Base64 notes</p>", first.showNotes(), "mode=\"base64\" decoded");
        assertEquals("2004-06-03T10:00:00Z", feed.items().get(1).publishedAt(), "modified when nothing else");
    }

    // 5. Encodings (XML 1.0 appendix F)

    private static final String DOC = "<?xml version=\"1.0\" encoding=\"%s\"?><rss><channel><title>\u00dcber "
            + "\u65e5\u672c \u20ac</title></channel></rss>";

    private String title(byte[] bytes) throws FeedFormatException {
        return parser.parse(bytes, null, null).title();
    }

    @Test
    void utf16WithoutAByteOrderMarkIsReadFromTheBytePattern() throws FeedFormatException {
        assertEquals("\u00dcber \u65e5\u672c \u20ac", title(String.format(DOC, "UTF-16").getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("\u00dcber \u65e5\u672c \u20ac", title(String.format(DOC, "UTF-16").getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void utf32InEitherByteOrderParses() throws FeedFormatException {
        assertEquals("\u00dcber \u65e5\u672c \u20ac", title(String.format(DOC, "UTF-32").getBytes(Charset.forName("UTF-32LE"))));
        assertEquals("\u00dcber \u65e5\u672c \u20ac", title(String.format(DOC, "ucs-4").getBytes(Charset.forName("UTF-32BE"))));
    }

    @Test
    void ebcdicIsRecognisedAndItsDeclarationRead() throws FeedFormatException {
        String doc = "<?xml version=\"1.0\" encoding=\"cp500\"?><rss><channel><title>Caf\u00e9 [x]</title></channel></rss>";

        assertEquals("Caf\u00e9 [x]", title(doc.getBytes(Charset.forName("IBM500"))));
    }

    @Test
    void legacyCharsetNamesJavaDoesNotKnowAreStillRead() throws FeedFormatException {
        String doc = "<?xml version=\"1.0\" encoding=\"%s\"?><rss><channel><title>%s</title></channel></rss>";

        assertEquals("\u00c7", title(String.format(doc, "cp_is", "\u00c7").getBytes(Charset.forName("IBM861"))));
        assertEquals("\u0416", title(String.format(doc, "mac-cyrillic", "\u0416").getBytes(Charset.forName("x-MacCyrillic"))));
        assertEquals("\u00e9", title(String.format(doc, "csmacintosh", "\u00e9").getBytes(Charset.forName("x-MacRoman"))));
        assertEquals("\u0e01 \u20ac", title(String.format(doc, "cp874", "\u0e01 \u20ac").getBytes(Charset.forName("x-windows-874"))));
    }

    @Test
    void doubleEncodedUtf8IsRepaired() throws FeedFormatException {
        String mojibake = new String("Caf\u00e9 \u2019n\u2019 cr\u00e8me \ud83d\ude00".getBytes(StandardCharsets.UTF_8),
                Charset.forName("windows-1252"));
        String xml = "<rss><channel><title>" + mojibake + "</title><item><guid>1</guid><title>Fu\u00df\u201c and "
                + "Stra\u00dfe</title></item></channel></rss>";

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);

        assertEquals("Caf\u00e9 \u2019n\u2019 cr\u00e8me \ud83d\ude00", feed.title());
        assertEquals("Fu\u00df\u201c and Stra\u00dfe", feed.items().get(0).title(), "real German text is left alone");
    }

    // 6. Older fields

    @Test
    void olderAndOtherVocabulariesFillTheSameFields() throws FeedFormatException {
        ParsedFeed feed = fixture("older-fields.xml");

        assertEquals("Dublin Core Show", feed.title());
        assertEquals("Described with Dublin Core.", feed.description());
        assertEquals("https://moved.example/feed.xml", feed.newFeedUrl(), "<redirect><newLocation>");
        List<FeedItem> items = feed.items();
        assertEquals("Titled in Dublin Core", items.get(0).title());
        assertEquals("2003-12-13T18:30:02Z", items.get(0).publishedAt(), "dcterms:issued before dcterms:modified");
        assertEquals("Notes in Dublin Core.", items.get(0).showNotes());
        assertNull(items.get(0).link(), "a guid with no isPermaLink that is no URL is not a link");

        assertEquals("https://older.example/episodes/2/", items.get(1).link(), "isPermaLink=\"true\" guid, resolved");
        assertEquals("2004-01-02T00:00:00Z", items.get(1).publishedAt());
        assertEquals("Only a subtitle describes it.", items.get(1).showNotes());

        assertEquals("Titled in Media RSS", items.get(2).title());
        assertEquals("https://older.example/episodes/3", items.get(2).link(), "an absolute guid is a permalink");
        assertEquals("1994-11-06T08:49:37Z", items.get(2).publishedAt(), "RFC 850");

        assertNull(items.get(3).link(), "isPermaLink=\"false\"");
        assertEquals("2004-01-01T19:48:21Z", items.get(3).publishedAt(), "two-digit year");
    }
}
