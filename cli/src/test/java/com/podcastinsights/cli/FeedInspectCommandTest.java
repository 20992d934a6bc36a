package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FeedInspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Quay Talk</title><link>https://quay.example/</link>
            <language>en</language><description>&lt;p&gt;Dock&nbsp;side &amp; more&lt;/p&gt;</description>
            <item><guid>q-1</guid><title>Ropes</title><pubDate>Tue, 1 Sept 2026 09:00 CET</pubDate>
            <itunes:duration>12:30</itunes:duration><itunes:season>2</itunes:season><itunes:episode>5</itunes:episode>
            <enclosure url="audio/q1.mp3?a=1&b=2" length="1000" type="audio/mpeg"/>
            <podcast:transcript url="t/q1.vtt" type="text/vtt" language="en" rel="captions"/>
            <podcast:chapters url="c/q1.json" type="application/json+chapters"/>
            <description><![CDATA[<p>Knots, <b>bends</b> and hitches.</p>]]></description></item>
            <item><link>https://quay.example/2</link><title>No guid</title><pubDate>Mon, 30 Feb 2026 10:00 GMT</pubDate></item>
            </channel></rss>
            """;

    @Test
    void printsTheDocumentedJsonShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quay.xml");
        Files.writeString(file, FEED, StandardCharsets.UTF_8);

        MainTest.Outcome o = cli("feed", "inspect", file.toString(), "--json", "--base", "https://quay.example/feed.xml");

        assertEquals(0, o.code(), o.err());
        JsonNode feed = JSON.readTree(o.out());
        assertEquals("Quay Talk", feed.get("title").asText());
        assertEquals("en", feed.get("language").asText());
        assertEquals("Dock side & more", feed.get("description").asText());
        assertTrue(feed.get("newFeedUrl").isNull());
        JsonNode e = feed.get("episodes").get(0);
        assertEquals("q-1", e.get("guid").asText());
        assertEquals("2026-09-01T08:00:00Z", e.get("published").asText());
        assertEquals(750, e.get("durationSeconds").asInt());
        assertEquals("https://quay.example/audio/q1.mp3?a=1&b=2", e.get("enclosure").get("url").asText());
        assertEquals(1000, e.get("enclosure").get("length").asLong());
        assertEquals("audio/mpeg", e.get("enclosure").get("type").asText());
        JsonNode t = e.get("transcripts").get(0);
        assertEquals(List.of("https://quay.example/t/q1.vtt", "text/vtt", "en", "captions"),
                List.of(t.get("url").asText(), t.get("type").asText(), t.get("language").asText(), t.get("rel").asText()));
        assertEquals("https://quay.example/c/q1.json", e.get("chaptersUrl").asText());
        assertEquals(2, e.get("season").asInt());
        assertEquals(5, e.get("episode").asInt());
        assertEquals("Knots, bends and hitches.", e.get("description").asText());
        JsonNode second = feed.get("episodes").get(1);
        assertEquals("https://quay.example/2", second.get("guid").asText(), "guid falls back to the link");
        assertTrue(second.get("published").isNull(), "30 February is rejected, not guessed");
        assertTrue(second.get("durationSeconds").isNull());
        assertTrue(second.get("enclosure").isNull());
        for (String key : List.of("title", "link", "language", "description", "newFeedUrl", "episodes")) {
            assertTrue(feed.has(key), key);
        }
    }

    @Test
    void plainOutputListsEpisodes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quay.xml");
        Files.writeString(file, FEED, StandardCharsets.UTF_8);

        MainTest.Outcome o = cli("feed", "inspect", file.toString());

        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Quay Talk  (2 episodes)"), o.out());
        assertTrue(o.out().contains("2026-09-01T08:00:00Z  Ropes"), o.out());
    }

    @Test
    void notAFeedOrNoFileExitsOne(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<html><body>hi</body></html>");

        MainTest.Outcome notFeed = cli("feed", "inspect", html.toString(), "--json");
        MainTest.Outcome missing = cli("feed", "inspect", dir.resolve("nope.xml").toString());

        assertEquals(1, notFeed.code());
        assertTrue(notFeed.err().contains("not a feed"), notFeed.err());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void privateAddressesAreRefusedByDefault() {
        MainTest.Outcome o = cli("feed", "inspect", "http://169.254.169.254/latest/meta-data/");

        assertEquals(1, o.code());
        assertTrue(o.err().contains("169.254.169.254"), o.err());
    }

    /** The bar: on each real feed of the reference corpus, the titles and counts partytime's tests expect. */
    @Test
    void realWorldCorpusFeedsGiveTheExpectedTitlesAndCounts() throws Exception {
        Path dir = corpus("feeds/partytime");
        JsonNode expect = JSON.readTree(dir.resolve("EXPECTATIONS.json").toFile());
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().startsWith("real-world/")) continue;
            JsonNode facts = entry.getValue();
            MainTest.Outcome o = cli("feed", "inspect", dir.resolve(entry.getKey()).toString(), "--json");
            assertEquals(0, o.code(), entry.getKey() + ": " + o.err());
            JsonNode feed = JSON.readTree(o.out());
            int count = feed.get("episodes").size();
            if (facts.has("title")) assertEquals(facts.get("title").asText(), feed.get("title").asText(), entry.getKey());
            if (facts.has("item_count")) assertEquals(facts.get("item_count").asInt(), count, entry.getKey());
            if (facts.has("item_count_allow_missing_guid")) {
                assertEquals(facts.get("item_count_allow_missing_guid").asInt(), count, entry.getKey());
            }
            checked++;
        }
        assertEquals(7, checked);
    }

    static Path corpus(String relative) {
        Path found = null;
        String env = System.getenv("PODCAST_INSIGHTS_CORPUS");
        if (env != null) found = Path.of(env).resolve(relative);
        for (Path p = Path.of("").toAbsolutePath(); found == null && p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && p.getParent() != null) found = p.getParent().resolve("shared/corpus").resolve(relative);
        }
        assumeTrue(found != null && Files.exists(found), "reference corpus not present");
        return found;
    }
}
