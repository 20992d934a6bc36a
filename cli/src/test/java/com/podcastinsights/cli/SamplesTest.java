package com.podcastinsights.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled samples are what the local run and the docs promise: valid feeds whose every link is served. */
class SamplesTest {
    private static final String PODCAST_NS = "https://podcastindex.org/namespace/1.0";
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

    @Test
    void everyFeedIsRss2AndEveryEnclosureAndTranscriptItNamesIsServed() throws Exception {
        try (SampleServer server = SampleServer.start(Clock.systemUTC())) {
            int items = 0;
            int showNotesOnly = 0;
            for (String feed : new String[]{"compute-frontier", "grid-and-ground", "well-rested"}) {
                byte[] xml = server.content("/feeds/" + feed + ".xml").orElseThrow().body();
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
                assertEquals("2.0", doc.getDocumentElement().getAttribute("version"));
                NodeList list = doc.getElementsByTagName("item");
                for (int i = 0; i < list.getLength(); i++, items++) {
                    Element item = (Element) list.item(i);
                    String enclosure = ((Element) item.getElementsByTagName("enclosure").item(0)).getAttribute("url");
                    assertTrue(server.content(URI.create(enclosure).getPath()).isPresent(), enclosure);
                    assertFalse(item.getElementsByTagName("pubDate").item(0).getTextContent().isBlank());
                    NodeList transcripts = item.getElementsByTagNameNS(PODCAST_NS, "transcript");
                    if (transcripts.getLength() == 0) {
                        showNotesOnly++;
                        assertTrue(item.getElementsByTagNameNS(CONTENT_NS, "encoded").getLength() == 1, "show notes");
                        continue;
                    }
                    Element t = (Element) transcripts.item(0);
                    var served = server.content(URI.create(t.getAttribute("url")).getPath()).orElseThrow();
                    assertTrue(served.contentType().startsWith(t.getAttribute("type")), t.getAttribute("url"));
                    int words = new String(served.body(), StandardCharsets.UTF_8).split("\\s+").length;
                    assertTrue(words > 450 && words < 1400, t.getAttribute("url") + " has " + words + " tokens");
                }
            }
            assertEquals(6, items);
            assertEquals(1, showNotesOnly);
        }
    }

    @Test
    void transcriptsUseTheSpeakerConventionsOfTheirFormats() {
        try (SampleServer server = SampleServer.start(Clock.systemUTC())) {
            String vtt = text(server, "/transcripts/cf-001.vtt");
            assertTrue(vtt.startsWith("WEBVTT") && vtt.contains("<v Tomas Reyes>"));
            assertTrue(Pattern.compile("(?m)^Ines Valdur: ").matcher(text(server, "/transcripts/cf-002.srt")).find());
            String json = text(server, "/transcripts/gg-001.json");
            assertTrue(json.contains("\"version\": \"1.0.0\"") && json.contains("\"startTime\"") && json.contains("\"body\""));
        }
    }

    private static String text(SampleServer server, String path) {
        return new String(server.content(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
