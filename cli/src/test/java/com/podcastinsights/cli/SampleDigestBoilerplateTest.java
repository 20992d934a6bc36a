package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 7: `make run` prints five insights with no boilerplate, from samples that contain it. Every sample
 * transcript has a cold open, an intro with a sponsor read, a mid-roll ad, a plug and an outro; their time ranges
 * are in src/test/resources/samples/labels.json (the format of ../shared/corpus/podcasts-dev/labels.json). No pick
 * of the printed (and mailed) five may start inside a labelled range, or in the 2 s before one; and an episode that
 * has only show notes (a guest bio with a handle, lists of links, a sponsor line, a little substance) gives no
 * insight that carries that copy.
 */
class SampleDigestBoilerplateTest {
    /** A pick that starts this close before a labelled range is taken to open it (cue times are not word times). */
    private static final double SLACK_SECONDS = 2.0;
    private static final String PODCAST_NS = "https://podcastindex.org/namespace/1.0";

    @Test
    void theFivePicksOfMakeRunHoldNoTeaserIntroAdPlugOrOutro(@TempDir Path out) throws Exception {
        JsonNode labels = labels();
        StringWriter progress = new StringWriter();
        LocalPipeline.Result run = new LocalPipeline(template(), Clock.systemUTC(), new PrintWriter(progress, true))
                .runSample(out, "reader@example.com");
        assertTrue(run.failures().isEmpty(), "failed deliveries: " + run.failures() + "\n" + progress);
        assertTrue(run.digestWritten(), "a digest was mailed\n" + progress);
        assertEquals(5, run.topFive().size(), "five insights\n" + ResultPrinter.topFive(run));

        Set<String> notesOnly = showNotesOnlyTitles();
        List<String> problems = new ArrayList<>();
        for (DigestLine pick : run.topFive()) {
            if (notesOnly.contains(pick.episode())) {
                List<String> v = ReaderCopy.violations(pick.text());
                if (!v.isEmpty()) problems.add("show-notes copy " + v + ": " + pick.text());
                continue;
            }
            String where = inBoilerplate(episodeTitled(labels, pick.episode()), pick.startSeconds());
            if (where != null) problems.add(where + ": " + pick.text());
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n\n" + ResultPrinter.topFive(run));
    }

    /**
     * Stricter than the five of the day: a reader's own digest (topics, muted shows) can hold any insight stored for
     * an episode, so none of them may be boilerplate either.
     */
    @Test
    void noInsightStoredForASampleTranscriptStartsInItsBoilerplate(@TempDir Path out) throws Exception {
        JsonNode labels = labels();
        StringWriter progress = new StringWriter();
        LocalPipeline.Result run = new LocalPipeline(template(), Clock.systemUTC(), new PrintWriter(progress, true))
                .runSample(out, "reader@example.com");
        assertTrue(run.failures().isEmpty(), "failed deliveries: " + run.failures() + "\n" + progress);
        Set<String> notesOnly = showNotesOnlyTitles();
        List<String> problems = new ArrayList<>();
        int stored = 0;
        for (Item i : new FileTable(out.resolve("table")).queryIndex(Keys.dayIndex(run.day()), true, 10_000)) {
            if (notesOnly.contains(i.string("episodeTitle"))) continue;
            stored++;
            String where = inBoilerplate(episodeTitled(labels, i.string("episodeTitle")), i.decimal("startSeconds", 0));
            if (where != null) problems.add(where + ": " + i.string("text"));
        }
        assertTrue(stored >= 5, "insights stored for the sample transcripts: " + stored);
        assertTrue(problems.isEmpty(), "stored insights in boilerplate:\n" + String.join("\n", problems));
    }

    @Test
    void anEpisodeWithOnlyShowNotesGivesNoBioListLinkOrAdCopy(@TempDir Path out) throws Exception {
        StringWriter progress = new StringWriter();
        LocalPipeline.Result run = new LocalPipeline(template(), Clock.systemUTC(), new PrintWriter(progress, true))
                .runSample(out, "reader@example.com");
        assertTrue(run.failures().isEmpty(), "failed deliveries: " + run.failures() + "\n" + progress);

        Set<String> notesOnly = showNotesOnlyTitles();
        assertTrue(notesOnly.contains("Why cities run hot"), notesOnly.toString());
        List<String> problems = new ArrayList<>();
        for (Item i : new FileTable(out.resolve("table")).queryIndex(Keys.dayIndex(run.day()), true, 10_000)) {
            if (!notesOnly.contains(i.string("episodeTitle"))) continue;
            List<String> v = ReaderCopy.violations(i.string("text"));
            if (!v.isEmpty()) problems.add(i.string("episodeTitle") + ": " + v + ": " + i.string("text"));
        }
        assertTrue(problems.isEmpty(), "insights from show notes carrying notes copy:\n" + String.join("\n", problems));
    }

    @Test
    void everySampleTranscriptIsLabelledAndHasEveryKindOfBoilerplate() throws Exception {
        JsonNode labels = labels();
        Set<String> files = new HashSet<>();
        for (JsonNode e : labels.path("episodes")) {
            files.add(e.path("file").asText());
            Set<String> kinds = new HashSet<>();
            e.path("ranges").forEach(r -> kinds.add(r.path("kind").asText()));
            assertTrue(kinds.containsAll(Set.of("teaser", "intro", "sponsor", "plug", "outro")), e.path("id") + ": " + kinds);
            long sponsors = 0;
            for (JsonNode r : e.path("ranges")) if (r.path("kind").asText().equals("sponsor")) sponsors++;
            assertTrue(sponsors >= 2, e.path("id") + ": a sponsor read in the intro and a mid-roll ad");
        }
        try (SampleServer server = SampleServer.start(Clock.systemUTC())) {
            for (String feed : new String[]{"compute-frontier", "grid-and-ground", "well-rested"}) {
                NodeList links = feed(server, feed).getElementsByTagNameNS(PODCAST_NS, "transcript");
                for (int i = 0; i < links.getLength(); i++) {
                    String url = ((Element) links.item(i)).getAttribute("url");
                    assertTrue(files.contains(url.substring(url.lastIndexOf('/') + 1)), "labels for " + url);
                }
            }
        }
    }

    /** Where a pick that starts at {@code seconds} falls in the episode's boilerplate, or null when it does not. */
    private static String inBoilerplate(JsonNode episode, double seconds) {
        for (JsonNode r : episode.path("ranges")) {
            double start = r.path("start").asDouble();
            double end = r.path("end").asDouble();
            if (seconds >= start - SLACK_SECONDS && seconds < end) {
                return episode.path("id").asText() + " at " + seconds + " s is in its " + r.path("kind").asText()
                        + " [" + start + ", " + end + ")";
            }
        }
        return null;
    }

    private static JsonNode episodeTitled(JsonNode labels, String title) {
        for (JsonNode e : labels.path("episodes")) {
            if (e.path("title").asText().equals(title)) return e;
        }
        throw new AssertionError("no labels for the episode \"" + title + "\"");
    }

    /** The titles of the sample episodes whose feed item lists no transcript. */
    private static Set<String> showNotesOnlyTitles() throws Exception {
        Set<String> titles = new HashSet<>();
        try (SampleServer server = SampleServer.start(Clock.systemUTC())) {
            for (String feed : new String[]{"compute-frontier", "grid-and-ground", "well-rested"}) {
                NodeList items = feed(server, feed).getElementsByTagName("item");
                for (int i = 0; i < items.getLength(); i++) {
                    Element item = (Element) items.item(i);
                    if (item.getElementsByTagNameNS(PODCAST_NS, "transcript").getLength() == 0) {
                        titles.add(item.getElementsByTagName("title").item(0).getTextContent().strip());
                    }
                }
            }
        }
        assertFalse(titles.isEmpty(), "the samples have an episode with show notes only");
        return titles;
    }

    private static org.w3c.dom.Document feed(SampleServer server, String name) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(
                server.content("/feeds/" + name + ".xml").orElseThrow().body()));
    }

    private static JsonNode labels() throws Exception {
        try (InputStream in = SampleDigestBoilerplateTest.class.getResourceAsStream("/samples/labels.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path template() {
        Path p = Path.of(System.getProperty("project.root", "..")).resolve("template.yaml");
        assertTrue(Files.isRegularFile(p), "template.yaml at " + p.toAbsolutePath());
        return p;
    }
}
