package com.podcastinsights.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.cli.LocalPipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The digest that `make run` writes (the sample pipeline, {@link LocalPipeline#runSample}, on a fixed date), checked
 * as a reader's mail client would see it: against the Can I Email data for the major clients (doiuse-email), and in
 * headless Chromium at 375px and 1024px, whose screenshots are docs/email-375.png and docs/email-1024.png.
 */
class SampleEmailTest {
    /** The clients readers use most (docs/email.md, "Which clients"): doiuse-email's globs. */
    static final List<String> CLIENTS = List.of("apple-mail.macos", "apple-mail.ios", "gmail.*", "outlook.*",
            "yahoo.*", "samsung-email.android");

    /**
     * What a major client lacks and the digest uses anyway, because it degrades to something readable there
     * (docs/email.md lists the same): feature -> the clients that lack it.
     */
    static final Map<String, Set<String>> DEGRADES_GRACEFULLY = Map.of(
            // these clients replace <body>: the wrapper table carries the background colour too
            "<body> element", Set.of("outlook.macos", "outlook.ios", "outlook.android", "yahoo.ios", "yahoo.android"),
            // the hidden preview line shows as the email's first line there
            "display:none", Set.of("gmail.mobile-webmail"),
            // the cards get square corners
            "border-radius", Set.of("outlook.windows", "outlook.windows-mail"));

    private static final Pattern UNSUPPORTED = Pattern.compile("^error: `(.+)` is not supported by `(.+)`$");
    private static String html;
    private static String text;
    private static Path dir;

    @BeforeAll
    static void runTheSamplePipeline(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path root = Path.of(System.getProperty("project.root", ".."));
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T07:00:00Z"), ZoneOffset.UTC);
        LocalPipeline.Result run = new LocalPipeline(root.resolve("template.yaml"), clock,
                new PrintWriter(new StringWriter(), true)).runSample(tmp.resolve("run"), "reader@example.com");
        Path htmlFile = run.written().stream().filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        html = Files.readString(htmlFile);
        Path eml = run.written().stream().filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow();
        text = Files.readString(eml, StandardCharsets.US_ASCII);
        assertEquals(5, run.topFive().size(), "the sample day has a full digest");
    }

    @Test
    void theDigestUsesNoFeatureTheMajorClientsLackExceptTheOnesThatDegradeGracefully() throws Exception {
        Path root = Path.of(System.getProperty("project.root", ".."));
        Path tool = root.resolve("tools/email-lint");
        if (!Files.isRegularFile(tool.resolve("node_modules/.installed"))) {
            String why = "doiuse-email is not installed: `make email-lint` (part of `make test`) installs it";
            if (System.getenv("CI") != null) fail(why);
            Assumptions.abort(why);
        }
        Path file = dir.resolve("digest.html");
        Files.writeString(file, html);
        List<String> command = new ArrayList<>(List.of("node", tool.resolve("check.mjs").toString(), file.toString()));
        command.addAll(CLIENTS);
        Process p = new ProcessBuilder(command).directory(tool.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "doiuse-email did not finish");
        List<String> unexpected = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = UNSUPPORTED.matcher(line);
            if (m.matches()) {
                if (!DEGRADES_GRACEFULLY.getOrDefault(m.group(1), Set.of()).contains(m.group(2))) unexpected.add(line);
            } else if (line.startsWith("error")) {
                unexpected.add(line);
            }
        }
        assertEquals(List.of(), unexpected, out);
        assertTrue(p.exitValue() == 0 || out.contains("error: "), "doiuse-email failed to run: " + out);
    }

    @Test
    void theDigestFitsPhoneAndDesktopAndIsWhatTheScreenshotsShow() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.findOrSkip();
        Path docs = Path.of(System.getProperty("project.root", "..")).resolve("docs");
        for (int width : new int[]{375, 1024}) {
            JsonNode r = DigestBrowserTest.probe(chromium, dir, html, width);
            assertTrue(r.path("scrollWidth").asInt() <= width, "horizontal overflow at " + width + "px: " + r);
            assertEquals(5, r.path("insights").size(), r.toString());
            for (JsonNode card : r.path("insights")) {
                assertTrue(card.path("left").asDouble() >= 0 && card.path("right").asDouble() <= width, card.toString());
            }
            if (width == 1024) {
                JsonNode first = r.path("insights").get(0);
                assertTrue(first.path("right").asDouble() - first.path("left").asDouble() <= 600, "600px column: " + r);
            }
            int height = r.path("scrollHeight").asInt();
            Path shot = dir.resolve("shot-" + width + ".html");
            Files.writeString(shot, DigestBrowserTest.frame(html, width, height, false));
            chromium.screenshot(shot, Math.max(width, 500), height, width, docs.resolve("email-" + width + ".png"));
        }
    }

    @Test
    void theSampleDigestShowsItsDateAndSpeakersAndAWholeSubject() {
        assertTrue(html.contains("Podcast Insights · Friday, 4 December 2026"), html);
        assertTrue(html.matches("(?s).*<p class=\"meta\"[^>]*>(Amir Haddad|Bram Okonkwo|Elif Marsh|Ines Valdur|Maya Okafor|Tomas Reyes) · .*"),
                "a speaker is named: " + html);
        assertTrue(text.contains("Subject: Podcast Insights, Fri 4 Dec: "), text);
        assertFalse(text.lines().filter(l -> l.startsWith("Subject:")).findFirst().orElseThrow().contains("…"));
    }
}
