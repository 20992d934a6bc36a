package com.podcastinsights.cli;

import com.podcastinsights.feed.FeedRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** feeds and subscribers against a local data dir. */
class OperatorCommandsTest {
    @Test
    void feedsCanBeAddedOnceListedAndRemoved(@TempDir Path dir) {
        String data = dir.toString();
        String url = "https://feeds.example/show.xml";
        String id = FeedRepository.idFor(url);

        MainTest.Outcome add = cli("feeds", "add", url, "--title", "A Show", "--data", data);
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().startsWith("added " + id), add.out());
        assertTrue(cli("feeds", "add", url, "--data", data).out().startsWith("already subscribed " + id));

        String list = cli("feeds", "list", "--data", data).out();
        assertTrue(list.contains(id) && list.contains("A Show") && list.contains(url), list);
        assertEquals(1, list.lines().count(), list);

        assertEquals(0, cli("feeds", "remove", id, "--data", data).code());
        assertTrue(cli("feeds", "list", "--data", data).out().startsWith("no feeds"));
        MainTest.Outcome again = cli("feeds", "remove", id, "--data", data);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("no feed with id " + id), again.err());
    }

    @Test
    void subscribersCanBeAddedListedAndRemoved(@TempDir Path dir) {
        String data = dir.toString();
        assertEquals(0, cli("subscribers", "add", "Reader@Example.com", "--data", data).code());
        assertEquals(0, cli("subscribers", "add", "second@example.com", "--data", data).code());
        String list = cli("subscribers", "list", "--data", data).out();
        assertTrue(list.contains("reader@example.com") && list.contains("second@example.com"), list);

        assertEquals(0, cli("subscribers", "remove", "reader@example.com", "--data", data).code());
        String after = cli("subscribers", "list", "--data", data).out();
        assertFalse(after.contains("reader@example.com"), after);
        assertTrue(after.contains("second@example.com"), after);
        assertEquals(1, cli("subscribers", "remove", "reader@example.com", "--data", data).code());
    }

    @Test
    void aDataDirKeepsItsOwnFeeds(@TempDir Path dir) {
        cli("feeds", "add", "https://one.example/rss", "--data", dir.resolve("a").toString());
        assertTrue(cli("feeds", "list", "--data", dir.resolve("b").toString()).out().startsWith("no feeds"));
    }
}
