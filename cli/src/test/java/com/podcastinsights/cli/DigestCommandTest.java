package com.podcastinsights.cli;

import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/** subscribers add/update with preferences, and digest preview, against a local data dir. */
class DigestCommandTest {
    @Test
    void subscriberPreferencesAreSetUpdatedAndListed(@TempDir Path dir) {
        String data = dir.toString();
        MainTest.Outcome add = cli("subscribers", "add", "ann@example.com", "--time-zone", "Asia/Tokyo", "--send-hour", "6",
                "--topics", "batteries,sleep", "--data", data);
        assertEquals(0, add.code(), add.err());
        assertEquals(0, cli("subscribers", "update", "ann@example.com", "--mute", "Grid & Ground", "--data", data).code());
        String list = cli("subscribers", "list", "--data", data).out();
        assertTrue(list.contains("ann@example.com  Asia/Tokyo at 06:00  topics: batteries, sleep  muted: Grid & Ground"), list);

        assertEquals(2, cli("subscribers", "update", "ann@example.com", "--send-hour", "24", "--data", data).code());
        assertEquals(2, cli("subscribers", "update", "ann@example.com", "--time-zone", "Mars/Base", "--data", data).code());
        assertEquals(1, cli("subscribers", "update", "nobody@example.com", "--send-hour", "5", "--data", data).code());
        assertTrue(cli("subscribers", "list", "--data", data).out().contains("at 06:00"), "unchanged by the refused updates");
    }

    @Test
    void previewWritesTheEmlAndHtmlAndPrintsThePathsWithoutSending(@TempDir Path dir) throws Exception {
        String data = dir.toString();
        FileTable table = new FileTable(dir.resolve("table"));
        DigestFixtures.seedDay(table, "2026-11-30");
        cli("subscribers", "add", "ann@example.com", "--mute", "Podcast a", "--data", data);

        MainTest.Outcome out = cli("digest", "preview", "--date", "2026-11-30", "--subscriber", "ann@example.com", "--data", data);
        assertEquals(0, out.code(), out.err());
        List<Path> paths = out.out().lines().map(Path::of).toList();
        assertEquals(2, paths.size(), out.out());
        assertTrue(paths.get(0).toString().endsWith(".eml") && paths.get(1).toString().endsWith(".html"));
        ParsedMime mime = ParsedMime.parse(Files.readAllBytes(paths.get(0)));
        assertEquals("ann@example.com", mime.headers().get("To"));
        assertEquals("List-Unsubscribe=One-Click", mime.headers().get("List-Unsubscribe-Post"));
        String html = Files.readString(paths.get(1));
        assertFalse(html.contains("Podcast a — Episode a"), "ann's muted show is left out");
        assertTrue(html.contains("Podcast b"));

        assertTrue(table.get(Keys.subscriberPk("ann@example.com"), Keys.digestSk("2026-11-30")).isEmpty(), "nothing recorded");
        assertTrue(table.get(Keys.editionPk("2026-11-30"), Keys.EDITION_SK).isEmpty(), "the edition is not fixed by a preview");

        MainTest.Outcome none = cli("digest", "preview", "--date", "2026-01-01", "--data", data);
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no insights for 2026-01-01"), none.err());
        assertEquals(2, cli("digest", "preview", "--date", "yesterday", "--data", data).code());
    }
}
