package com.podcastinsights.cli;

import com.podcastinsights.digest.Consent;
import com.podcastinsights.digest.ReaderFeedback;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.local.FileTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A reader the operator adds is marked as such; `feedback` totals readers' votes per show. */
class ReaderConsentCommandsTest {
    private static String run(Path data, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), all), err.toString());
        return out.toString();
    }

    @Test
    void aReaderAddedByTheOperatorHasAnOperatorConsentRecord(@TempDir Path data) {
        run(data, "subscribers", "add", "ann@example.com");
        Consent c = Consent.of(new FileTable(data.resolve("table")), "ann@example.com").orElseThrow();
        assertEquals(Consent.OPERATOR, c.method());
        assertEquals(Consent.OPERATOR, c.source());
        assertNotNull(c.at());
    }

    @Test
    void feedbackPrintsTheVotesPerShow(@TempDir Path data) {
        run(data, "subscribers", "add", "ann@example.com");
        FileTable table = new FileTable(data.resolve("table"));
        new FeedRepository(table).save(new Feed("f1", "https://f.example/rss", "Grid & Ground", null, null, null, 0, null));
        Insight i = new Insight("i1", "f1", "e1", "Grid & Ground", "E", "A point. Why. So.", 0.9, 1, "Host", null, null, "2026-11-30");
        new ReaderFeedback(table).record("ann@example.com", i, ReaderFeedback.Verdict.NOT_FOR_ME, "2026-11-30T08:00:00Z");
        String out = run(data, "feedback");
        assertTrue(out.matches("(?s).*\\s0\\s+1\\s+Grid & Ground.*"), out);
    }
}
