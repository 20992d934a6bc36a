package com.podcastinsights.feed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ways real feeds break, each in a fixture written for this test. */
class FeedParserRobustnessTest {
    private static final URI BASE = URI.create("https://shows.example/feeds/main.xml");
    private final FeedParser parser = new FeedParser();

    private static String rss(String channelExtra, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Harbour Notes</title>"
                + channelExtra + items + "</channel></rss>";
    }

    private ParsedFeed parse(String xml) throws FeedFormatException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    @Test
    void oversizedFieldsAreCutAndOversizedUrlsDropped() throws FeedFormatException {
        String longUrl = "https://cdn.example/" + "a".repeat(FeedParser.MAX_FIELD_CHARS) + ".mp3";
        // "x" then surrogate pairs, so the cut at 1,000 falls inside a pair, which must not be split
        String title = "x" + "\uD83C\uDF99".repeat(FeedParser.MAX_TITLE_CHARS);

        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><title>" + title + "</title><enclosure url=\"" + longUrl
                + "\" type=\"audio/mpeg\"/><link>https://shows.example/1</link></item>"));

        FeedItem item = feed.items().get(0);
        assertEquals(FeedParser.MAX_TITLE_CHARS - 1, item.title().length());
        assertFalse(Character.isHighSurrogate(item.title().charAt(item.title().length() - 1)));
        assertNull(item.enclosureUrl(), "a cut URL would point elsewhere, so it is dropped");
        assertEquals("https://shows.example/1", item.link());
    }

    @Test
    void undefinedHtmlEntitiesBecomeTheirCharacterAndUnknownOnesStayLiteral() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><title>Tides&nbsp;&mdash;&nbsp;part&gtgt;two &amp; more</title></item>"));

        assertEquals("Tides\u00a0\u2014\u00a0part&gtgt;two & more", feed.items().get(0).title());
    }

    @Test
    void bareAmpersandInAUrlAttributeIsKept() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><enclosure url=\"https://cdn.example/a.mp3?k=1&s=3\" "
                + "type=\"audio/mpeg\" length=\"1234\"/></item>"));

        FeedItem item = feed.items().get(0);
        assertEquals("https://cdn.example/a.mp3?k=1&s=3", item.enclosureUrl());
        assertEquals(1234L, item.enclosureLength());
        assertEquals("audio/mpeg", item.enclosureType());
    }

    @Test
    void whitespaceBeforeTheDeclarationIsIgnored() throws FeedFormatException {
        ParsedFeed feed = parse("\n\n   \t" + rss("", "<item><guid>1</guid></item>"));

        assertEquals("Harbour Notes", feed.title());
        assertEquals(1, feed.items().size());
    }

    @Test
    void cdataLeftOpenEndsAtItsElementsEndTag() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><description><![CDATA[<p>Open & never closed</description>"
                + "<title>After</title></item><item><guid>2</guid><title>Next</title></item>"));

        assertEquals(2, feed.items().size());
        assertEquals("<p>Open & never closed", feed.items().get(0).showNotes());
        assertEquals("After", feed.items().get(0).title());
    }

    @Test
    void controlCharactersDoNotBreakTheFeed() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><title>Bell\u0007 and \u000bfeed</title></item>"));

        // each control character is a space, and a title's runs of spaces are one
        assertEquals("Bell and feed", feed.items().get(0).title());
    }

    @Test
    void httpCharsetBeatsTheDeclarationWhichBeatsTheBom() throws FeedFormatException {
        String doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss><channel><title>Caf\u00e9 \u20ac</title></channel></rss>";
        byte[] latin9 = doc.getBytes(Charset.forName("ISO-8859-15"));
        // The declaration names ISO-8859-15, where 0xA4 is the euro sign.
        assertEquals("Caf\u00e9 \u20ac", parser.parse(latin9, null, null).title());

        byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
        // The server says UTF-8 and is right; the stale declaration loses.
        assertEquals("Caf\u00e9 \u20ac", parser.parse(utf8, "application/rss+xml; charset=utf-8", null).title());

        byte[] withBom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, latin9);
        // A UTF-8 mark on a document declared (and written) as ISO-8859-15: the declaration wins.
        assertEquals("Caf\u00e9 \u20ac", parser.parse(withBom, null, null).title());
    }

    @Test
    void utf16WithABomParses() throws FeedFormatException {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><title>\u00dcber \u65e5\u672c</title></channel></rss>";
        byte[] bytes = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, doc.getBytes(StandardCharsets.UTF_16LE));

        assertEquals("\u00dcber \u65e5\u672c", parser.parse(bytes, null, null).title());
    }

    @Test
    void windows1252TextDeclaredAsUtf8ReadsAsWindows1252() throws FeedFormatException {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>".getBytes(StandardCharsets.US_ASCII);
        byte[] cp1252 = "\u201cSmart\u201d quotes \u2013 caf\u00e9".getBytes(Charset.forName("windows-1252"));
        byte[] utf8 = " and real UTF-8 \u00e9\u2014</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

        assertEquals("\u201cSmart\u201d quotes \u2013 caf\u00e9 and real UTF-8 \u00e9\u2014",
                parser.parse(concat(head, cp1252, utf8), null, null).title());
    }

    @Test
    void durationsSeasonsEpisodesAndChapters() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", """
                <item><guid>1</guid><itunes:duration>1:02:03</itunes:duration><itunes:season>3</itunes:season>
                <itunes:episode>12</itunes:episode><podcast:chapters url="/ch/1.json" type="application/json+chapters"/></item>
                <item><guid>2</guid><itunes:duration>75:30</itunes:duration><itunes:episode>x</itunes:episode></item>
                <item><guid>3</guid><itunes:duration>61.08</itunes:duration></item>
                <item><guid>4</guid><itunes:duration>about an hour</itunes:duration></item>
                """));

        List<FeedItem> items = feed.items();
        assertEquals(3723, items.get(0).durationSeconds());
        assertEquals(3, items.get(0).season());
        assertEquals(12, items.get(0).episode());
        assertEquals("https://shows.example/ch/1.json", items.get(0).chaptersUrl());
        assertEquals(4530, items.get(1).durationSeconds());
        assertNull(items.get(1).episode());
        assertEquals(61, items.get(2).durationSeconds());
        assertNull(items.get(3).durationSeconds());
    }

    @Test
    void relativeUrlsResolveAgainstXmlBaseThenTheFeedUrl() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", """
                <item xml:base="https://media.example/season2/"><guid>1</guid><enclosure url="ep1.mp3"/>
                <podcast:transcript url="ep1.vtt" type="text/vtt"/></item>
                <item><guid>2</guid><enclosure url="../audio/ep2.mp3"/><link>/episodes/2</link></item>
                """));

        assertEquals("https://media.example/season2/ep1.mp3", feed.items().get(0).enclosureUrl());
        assertEquals("https://media.example/season2/ep1.vtt", feed.items().get(0).transcripts().get(0).url());
        assertEquals("https://shows.example/audio/ep2.mp3", feed.items().get(1).enclosureUrl());
        assertEquals("https://shows.example/episodes/2", feed.items().get(1).link());
    }

    @Test
    void channelXmlBaseAppliesToItsItems() throws FeedFormatException {
        String xml = "<rss><channel xml:base=\"https://cdn.example/pod/\"><title>T</title>"
                + "<item><guid>1</guid><enclosure url=\"a.mp3\"/></item></channel></rss>";

        assertEquals("https://cdn.example/pod/a.mp3", parse(xml).items().get(0).enclosureUrl());
    }

    @Test
    void duplicatesMergeByGuidThenByEnclosureAndTitle() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", """
                <item><guid>a</guid><title>First</title></item>
                <item><guid>a</guid><title>First again</title><itunes:duration>60</itunes:duration></item>
                <item><title>Same file</title><enclosure url="https://cdn.example/s.mp3"/></item>
                <item><guid>other-id</guid><title>Same file</title><enclosure url="https://cdn.example/s.mp3"/></item>
                <item><title>Different title</title><enclosure url="https://cdn.example/s.mp3"/></item>
                """));

        List<FeedItem> items = feed.items();
        assertEquals(3, items.size());
        assertEquals("First", items.get(0).title());
        assertEquals(60, items.get(0).durationSeconds(), "the duplicate fills in what the first lacked");
        assertEquals("other-id", items.get(1).guid());
        assertEquals("Different title", items.get(2).title());
    }

    @Test
    void streamingDropsDuplicatesToo() throws FeedFormatException {
        String xml = rss("", "<item><guid>a</guid></item><item><guid>a</guid></item><item><guid>b</guid></item>");
        List<FeedItem> seen = new ArrayList<>();

        parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null, BASE, seen::add);

        assertEquals(List.of("a", "b"), seen.stream().map(FeedItem::guid).toList());
    }

    @Test
    void channelFieldsNewFeedUrlGuidLockedAndPersons() throws FeedFormatException {
        ParsedFeed feed = parse(rss("""
                <link>https://shows.example/</link><language>en-gb</language>
                <description><![CDATA[<p>Weekly <b>harbour</b> talk.</p>]]></description>
                <image><title>Not the feed title</title><link>https://img.example/</link></image>
                <itunes:new-feed-url>https://new.example/feed.xml</itunes:new-feed-url>
                <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
                <podcast:locked owner="a@b.example">yes</podcast:locked>
                <podcast:person role="Host" href="https://people.example/ann">Ann Quay</podcast:person>
                """, "<item><guid>1</guid><podcast:person role=\"guest\">Bo Pier</podcast:person></item>"));

        assertEquals("Harbour Notes", feed.title());
        assertEquals("https://shows.example/", feed.link());
        assertEquals("en-gb", feed.language());
        assertEquals("<p>Weekly <b>harbour</b> talk.</p>", feed.description());
        assertEquals("https://new.example/feed.xml", feed.newFeedUrl());
        assertEquals("917393e3-1b1e-5cef-ace4-edaa54e1f810", feed.podcastGuid());
        assertEquals(Boolean.TRUE, feed.locked());
        assertEquals(List.of(new Person("Ann Quay", "host", "https://people.example/ann")), feed.persons());
        assertEquals(List.of(new Person("Bo Pier", "guest", null)), feed.items().get(0).persons());
    }

    @Test
    void mediaContentStandsInForAMissingEnclosure() throws FeedFormatException {
        ParsedFeed feed = parse(rss("", """
                <item><guid>1</guid><media:group><media:content url="https://v.example/1.mp4" type="video/mp4" fileSize="99"/>
                </media:group></item>
                <item><guid>2</guid><enclosure url="https://a.example/2.mp3" type="audio/mpeg"/>
                <media:content url="https://v.example/2.mp4" type="video/mp4"/></item>
                """));

        assertEquals("https://v.example/1.mp4", feed.items().get(0).enclosureUrl());
        assertEquals(99L, feed.items().get(0).enclosureLength());
        assertEquals("https://a.example/2.mp3", feed.items().get(1).enclosureUrl());
    }

    @Test
    void namespaceUriVariantsAndDeclaredPrefixesReadTheSame() throws FeedFormatException {
        for (String ns : List.of("https://podcastindex.org/namespace/1.0",
                "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md")) {
            String xml = "<rss xmlns:podcast=\"" + ns + "\" xmlns:itunes=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\">"
                    + "<channel><title>T</title><item><guid>1</guid><itunes:duration>90</itunes:duration>"
                    + "<podcast:transcript url=\"https://t.example/1.srt\" type=\"application/x-subrip\"/></item></channel></rss>";
            FeedItem item = parse(xml).items().get(0);
            assertEquals(90, item.durationSeconds(), ns);
            assertEquals("https://t.example/1.srt", item.transcripts().get(0).url(), ns);
        }
    }

    @Test
    void aFeedOverTheCapIsRefusedWholeNotHalfRead() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 200; i++) items.append("<item><guid>").append(i).append("</guid><title>Episode</title></item>");
        byte[] xml = rss("", items.toString()).getBytes(StandardCharsets.UTF_8);
        FeedParser small = new FeedParser(2_000);
        List<FeedItem> seen = new ArrayList<>();

        FeedTooLargeException e = assertThrows(FeedTooLargeException.class, () -> small.parse(xml, null, null));
        assertTrue(e.getMessage().contains("2000"), e.getMessage());
        assertThrows(FeedTooLargeException.class,
                () -> small.parse(new ByteArrayInputStream(xml), null, null, seen::add));
        assertFalse(seen.size() >= 200);
    }

    @Test
    void aLargeFeedFullOfEscapedHtmlIsNotMistakenForAnEntityAttack() throws FeedFormatException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            items.append("<item><guid>").append(i).append("</guid><description>")
                    .append("&lt;p&gt;Tom &amp; Jerry &quot;live&quot; &lt;/p&gt;".repeat(10)).append("</description></item>");
        }

        ParsedFeed feed = parse(rss("", items.toString()));

        assertEquals(4_000, feed.items().size());
        assertTrue(feed.items().get(3_999).showNotes().startsWith("<p>Tom & Jerry \"live\" </p>"));
    }

    @Test
    void escapedGreaterThanReadsTheSameInTextInAttributesAndAfterABracket() throws FeedFormatException {
        // The repair reader passes most "&gt;" on as a plain ">" (cheaper to parse); after "]" it must not, as
        // "]]>" in text is an error.
        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><title>a &gt; b ]]&gt; c ]&gt;</title>"
                + "<podcast:transcript url=\"https://shows.example/t.vtt\" type=\"text/vtt&gt;\"/></item>"));

        FeedItem item = feed.items().get(0);
        assertEquals("a > b ]]> c ]>", item.title());
        assertEquals("text/vtt>", item.transcripts().get(0).type());
    }

    @Test
    void repairsThatGrowTheTextAcrossManyBuffersLoseNothing() throws FeedFormatException {
        String bare = "a&b ".repeat(12_000); // 48,000 chars, under the 50,000-char cap of show notes
        String notes = "x".repeat(30_000) + "&nbsp;" + "&copy;".repeat(2_000);

        ParsedFeed feed = parse(rss("", "<item><guid>1</guid><title>t</title><description>" + bare
                + "</description></item><item><guid>2</guid><title>u</title><description><![CDATA["
                + notes + "]]></description></item>"));

        assertTrue(bare.strip().equals(feed.items().get(0).showNotes()), "every bare & kept");
        assertTrue(notes.equals(feed.items().get(1).showNotes()), "CDATA is copied untouched");
    }

    @Test
    void atomEntriesGetTheSameFields() throws FeedFormatException {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Atom Show</title>
                <link rel="alternate" href="https://atom.example/"/><subtitle>About things</subtitle>
                <entry><id>urn:x:1</id><title>One</title><updated>2026-11-01T10:00:00Z</updated>
                <link rel="enclosure" href="https://atom.example/1.mp3" length="500" type="audio/mpeg"/>
                <itunes:duration>10:00</itunes:duration></entry></feed>
                """;
        ParsedFeed feed = parse(xml);

        assertEquals("de", feed.language());
        assertEquals("https://atom.example/", feed.link());
        assertEquals("About things", feed.description());
        FeedItem e = feed.items().get(0);
        assertEquals(500L, e.enclosureLength());
        assertEquals(600, e.durationSeconds());
        assertEquals("2026-11-01T10:00:00Z", e.publishedAt());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
