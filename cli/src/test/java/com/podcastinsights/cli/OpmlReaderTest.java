package com.podcastinsights.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpmlReaderTest {
    private static List<OpmlReader.Subscription> parse(String xml) {
        return OpmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.opml");
    }

    @Test
    void readsNestedOutlinesInOrderWithTitleFallbacksAndWithoutDuplicates() {
        List<OpmlReader.Subscription> subs = parse("""
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>mine</title></head><body>
                  <outline text="Folder">
                    <outline type="rss" title="First" text="ignored" xmlUrl="https://a.example/feed.xml"/>
                    <outline type="rss" text="Second" xmlurl=" http://b.example/rss "/>
                  </outline>
                  <outline type="rss" xmlUrl="https://c.example/podcast"/>
                  <outline type="rss" title="Again" xmlUrl="https://a.example/feed.xml"/>
                  <outline text="a link, not a feed" htmlUrl="https://d.example/"/>
                </body></opml>
                """);
        assertEquals(List.of("https://a.example/feed.xml", "http://b.example/rss", "https://c.example/podcast"),
                subs.stream().map(OpmlReader.Subscription::url).toList());
        assertEquals("First", subs.get(0).title());
        assertEquals("Second", subs.get(1).title());
        assertNull(subs.get(2).title());
    }

    @Test
    void refusesDoctypeSoExternalEntitiesCannotReadLocalFiles(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<opml version=\"2.0\"><body><outline title=\"&x;\" xmlUrl=\"https://a.example/f\"/></body></opml>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(xml));
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void rejectsNonHttpFeedUrlsNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                <opml version="2.0"><body>
                <outline xmlUrl="file:///etc/passwd"/>
                </body></opml>"""));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("file:///etc/passwd"), e.getMessage());
    }

    @Test
    void rejectsDocumentsThatAreNotOpml() {
        assertThrows(IllegalArgumentException.class, () -> parse("<rss version=\"2.0\"><channel/></rss>"));
        assertThrows(IllegalArgumentException.class, () -> parse("<opml><body><outline xmlUrl=\"https://a.example/\">"));
    }

    @Test
    void anOpmlWithoutFeedsIsEmptyNotAnError() {
        assertEquals(List.of(), parse("<opml version=\"2.0\"><body><outline text=\"empty folder\"/></body></opml>"));
    }

    @Test
    void readsAFileAndNamesAMissingOne(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("f.opml"),
                "<opml version=\"1.0\"><body><outline text=\"T\" xmlUrl=\"https://t.example/rss\"/></body></opml>");
        assertEquals(List.of(new OpmlReader.Subscription("https://t.example/rss", "T")), OpmlReader.read(f));
        IOException e = assertThrows(IOException.class, () -> OpmlReader.read(dir.resolve("nope.opml")));
        assertTrue(e.getMessage().contains("nope.opml"));
    }
}
