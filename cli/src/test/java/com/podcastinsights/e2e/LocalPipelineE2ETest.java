package com.podcastinsights.e2e;

import com.podcastinsights.cli.DigestLine;
import com.podcastinsights.cli.LocalPipeline;
import com.podcastinsights.cli.Main;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline on the bundled samples, through the real handlers, the template's routing rules and the
 * file-backed adapters; then the same run again on the same dir, which must be a harmless replay.
 */
class LocalPipelineE2ETest {
    /** Which sample episode each enclosure belongs to: an insight's link must point into its own episode. */
    private static final Map<String, String> EPISODE_OF_AUDIO = Map.of(
            "cf-001", "Why small models got cheap",
            "cf-002", "The chip that stopped the car",
            "gg-001", "Batteries that run the evening peak",
            "gg-002", "Why cities run hot",
            "wr-001", "Sleep and the memory shift",
            "wr-002", "Walk it off: movement and thinking");
    private static final Pattern LINK = Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/audio/([a-z]{2}-\\d{3})\\.mp3#t=\\d+(\\.\\d+)?$");

    @Test
    void samplesBecomeOneDigestOfFiveInsightsAndAReplaySendsNothingTwice(@TempDir Path out) throws IOException {
        StringWriter progress = new StringWriter();
        LocalPipeline pipeline = new LocalPipeline(template(), Clock.systemUTC(), new PrintWriter(progress, true));

        LocalPipeline.Result first = pipeline.runSample(out, "reader@example.com");

        assertTrue(first.failures().isEmpty(), "failed deliveries: " + first.failures() + "\n" + progress);
        List<Path> emails = first.written().stream().filter(p -> p.toString().endsWith(".eml")).toList();
        assertEquals(1, emails.size(), "one email for one subscriber: " + first.written() + "\n" + progress);
        assertTrue(first.written().stream().anyMatch(p -> p.toString().endsWith(".html")), "html copy: " + first.written());
        String eml = Files.readString(emails.get(0));
        assertTrue(Pattern.compile("(?i)content-type:\\s*multipart/alternative").matcher(eml).find(), eml);
        assertTrue(Pattern.compile("(?i)content-type:\\s*text/plain").matcher(eml).find(), "text part");
        assertTrue(Pattern.compile("(?i)content-type:\\s*text/html").matcher(eml).find(), "html part");
        assertTrue(Pattern.compile("(?im)^to:.*reader@example\\.com").matcher(eml).find(), "addressed to the subscriber");

        List<DigestLine> five = first.topFive();
        assertEquals(5, five.size(), "top five\n" + progress);
        Set<String> podcasts = new HashSet<>();
        for (DigestLine line : five) {
            podcasts.add(line.podcast());
            Matcher m = LINK.matcher(line.link() == null ? "" : line.link());
            assertTrue(m.matches(), "a #t= link into the episode's audio: " + line.link());
            assertEquals(EPISODE_OF_AUDIO.get(m.group(1)), line.episode(), "link points at its own episode: " + line.link());
            int words = line.text().trim().split("\\s+").length;
            assertTrue(words >= 15 && words <= 120, "a passage, not a fragment or a page: " + line.text());
        }
        assertTrue(podcasts.size() >= 2, "insights from at least two podcasts: " + podcasts);

        List<Item> insightsAfterFirst = dayIndex(out, first.day());
        Set<Path> outboxAfterFirst = files(out.resolve("outbox"));

        LocalPipeline.Result replay = pipeline.runSample(out, "reader@example.com");

        assertTrue(replay.failures().isEmpty(), "replay failures: " + replay.failures());
        assertTrue(replay.written().isEmpty(), "replay wrote " + replay.written());
        assertEquals(outboxAfterFirst, files(out.resolve("outbox")), "no second email");
        List<Item> insightsAfterReplay = dayIndex(out, replay.day());
        assertEquals(insightsAfterFirst.size(), insightsAfterReplay.size(), "no duplicate insights");
        assertEquals(insightsAfterReplay.size(),
                insightsAfterReplay.stream().map(i -> i.string("episodeId") + " " + i.string("text")).distinct().count(),
                "every insight once (per episode: a show repeats its ad reads word for word across episodes)");
        assertEquals(five, replay.topFive(), "same top five");
    }

    @Test
    void theRunCommandPrintsTheTopFiveAndTreatsAReplayAsSuccess(@TempDir Path out) {
        String[] args = {"run", "--sample", "--out", out.toString(), "--template", template().toString()};
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(new PrintWriter(stdout), new PrintWriter(stderr), args);
        assertEquals(0, code, stderr.toString());
        assertTrue(stdout.toString().contains("Top 5 insights for "), stdout.toString());
        assertTrue(Pattern.compile("(?m)^  .*\\.eml$").matcher(stdout.toString()).find(), "the email's path: " + stdout);
        assertTrue(stderr.toString().contains("FetchFeeds"), "progress on stderr: " + stderr);

        StringWriter replayOut = new StringWriter();
        StringWriter replayErr = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(replayOut), new PrintWriter(replayErr), args), replayErr.toString());
        assertTrue(replayErr.toString().contains("already sent"), replayErr.toString());
        assertTrue(replayOut.toString().contains("Wrote no email this run."), replayOut.toString());
    }

    private static List<Item> dayIndex(Path out, String day) {
        return new FileTable(out.resolve("table")).queryIndex(Keys.dayIndex(day), true, 10_000);
    }

    private static Set<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new HashSet<>(s.filter(Files::isRegularFile).toList());
        }
    }

    private static Path template() {
        String root = System.getProperty("project.root");
        Path candidate = root != null ? Path.of(root, "template.yaml") : Path.of("..", "template.yaml");
        assertTrue(Files.isRegularFile(candidate), "template.yaml at the project root: " + candidate.toAbsolutePath());
        return candidate;
    }
}
