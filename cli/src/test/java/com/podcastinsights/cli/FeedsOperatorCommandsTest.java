package com.podcastinsights.cli;

import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.local.FileTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedsOperatorCommandsTest {
    @Test
    void importThenExportRoundTripsThroughOpml(@TempDir Path dir) throws Exception {
        Path opml = dir.resolve("apps.opml");
        Files.writeString(opml, """
                <opml version="2.0"><body><outline text="Folder">
                <outline type="rss" text="Quay &amp; Co" xmlUrl="https://quay.example/feed.xml"/></outline>
                <outline type="rss" title="Tide" xmlUrl="https://tide.example/rss"/></body></opml>
                """);
        String data = dir.resolve("data").toString();

        MainTest.Outcome imported = cli("feeds", "import", opml.toString(), "--data", data);
        MainTest.Outcome again = cli("feeds", "import", opml.toString(), "--data", data);
        MainTest.Outcome exported = cli("feeds", "export", "--data", data);

        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().startsWith("imported 2 feeds"), imported.out());
        assertTrue(again.out().startsWith("imported 0 feeds"), again.out());
        assertTrue(exported.out().contains("xmlUrl=\"https://quay.example/feed.xml\""), exported.out());
        assertTrue(exported.out().contains("text=\"Quay &amp; Co\""), exported.out());

        Path back = dir.resolve("back.opml");
        Files.writeString(back, exported.out());
        assertEquals(2, OpmlReader.read(back).size());
    }

    // an OPML file with a non-http(s) entry: OperatorFindingsTest.anOpmlImportKeepsTheGoodEntriesNamesTheBadOnesAndExits1

    @Test
    void brokenListsOnlyFailingFeedsWithTheirLastError(@TempDir Path dir) {
        String data = dir.toString();
        cli("feeds", "add", "https://ok.example/feed.xml", "--data", data);
        cli("feeds", "add", "https://down.example/feed.xml", "--data", data);
        FeedRepository repo = new FeedRepository(new FileTable(dir.resolve("table")));
        Feed down = repo.find(FeedRepository.idFor("https://down.example/feed.xml")).orElseThrow();
        repo.save(new Feed(down.id(), down.url(), "Down Show", null, null, null, 3, "HTTP 503 from https://down.example/feed.xml"));

        String broken = cli("feeds", "broken", "--data", data).out();
        String listBroken = cli("feeds", "list", "--broken", "--data", data).out();
        String all = cli("feeds", "list", "--data", data).out();

        assertTrue(broken.contains("down.example") && broken.contains("failures: 3") && broken.contains("HTTP 503"), broken);
        assertFalse(broken.contains("ok.example"), broken);
        assertEquals(broken, listBroken);
        assertEquals(2, all.lines().count(), all);
    }

    @Test
    void brokenSaysSoWhenNothingIsBroken(@TempDir Path dir) {
        String data = dir.toString();
        cli("feeds", "add", "https://ok.example/feed.xml", "--data", data);

        assertTrue(cli("feeds", "broken", "--data", data).out().startsWith("no broken feeds"));
    }
}
