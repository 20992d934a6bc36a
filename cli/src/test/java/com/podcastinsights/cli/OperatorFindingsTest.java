package com.podcastinsights.cli;

import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.local.FileTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/** What an operator found trying the CLI (issue 17, "Operators"), one test per finding. */
class OperatorFindingsTest {
    private static final Clock SEVEN_UTC = Clock.fixed(Instant.parse("2026-12-04T07:00:00Z"), ZoneOffset.UTC);

    private static Path template() {
        return Path.of(System.getProperty("project.root", "..")).resolve("template.yaml");
    }

    @Test
    void runSaysWhoGotMailAndWhoWasNotDueAndWhy(@TempDir Path out) throws Exception {
        new SubscriberRepository(new FileTable(out.resolve("table"))).save(
                new Subscriber("alice@example.com", true, "2026-12-01T00:00:00Z", "Europe/Berlin", 6, List.of(), List.of()),
                "2026-12-01T00:00:00Z");
        LocalPipeline.Result r = new LocalPipeline(template(), SEVEN_UTC, new PrintWriter(new StringWriter()))
                .runSample(out, "bob@example.com");
        String report = ResultPrinter.topFive(r) + ResultPrinter.files(r);
        assertFalse(report.contains("digest for"), report);
        assertTrue(report.contains("alice@example.com: not due: their send hour is 06:00 in Europe/Berlin; it is 08:00 there"),
                report);
        assertTrue(report.matches("(?s).*bob@example\\.com: mail written \\(local-[^)]+\\.eml\\).*"), report);
    }

    @Test
    void aReaderWhoseAddressIsNotItsOutboxFolderNameIsStillShownAsMailed(@TempDir Path out) throws Exception {
        // the outbox folder of "bob+news@..." is "bob_news@...": the report must find the mail by the mailer's rule
        LocalPipeline.Result r = new LocalPipeline(template(), SEVEN_UTC, new PrintWriter(new StringWriter()))
                .runSample(out, "bob+news@example.com");
        String report = ResultPrinter.recipients(r);
        assertTrue(report.matches("(?s).*bob\\+news@example\\.com: mail written \\(local-[^)]+\\.eml\\).*"), report);
    }

    @Test
    void everyCommandDefaultsToTheDirThatRunWrites() {
        CommandLine main = new CommandLine(new Main());
        String run = main.getSubcommands().get("run").getCommandSpec().findOption("--out").defaultValue();
        for (List<String> command : List.of(List.of("feeds", "list"), List.of("feeds", "import"),
                List.of("subscribers", "list"), List.of("subscribers", "add"), List.of("digest", "preview"))) {
            CommandLine c = main.getSubcommands().get(command.get(0)).getSubcommands().get(command.get(1));
            assertEquals(run, c.getCommandSpec().findOption("--data").defaultValue(), String.join(" ", command));
        }
    }

    @Test
    void anOpmlImportKeepsTheGoodEntriesNamesTheBadOnesAndExits1(@TempDir Path dir) throws Exception {
        Path opml = Files.writeString(dir.resolve("mine.opml"), """
                <opml version="2.0"><body>
                <outline text="Good" xmlUrl="https://good.example/feed.xml"/>
                <outline text="Bad" xmlUrl="file:///etc/passwd"/>
                <outline text="Also good" xmlUrl="https://also.example/rss"/>
                </body></opml>""");
        MainTest.Outcome o = cli("feeds", "import", opml.toString(), "--data", dir.resolve("data").toString());
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("imported 2 feeds"), o.out());
        assertTrue(o.err().contains("not imported: " + opml + " line 3: xmlUrl is not an http(s) URL: file:///etc/passwd"), o.err());
        String listed = cli("feeds", "list", "--data", dir.resolve("data").toString()).out();
        assertTrue(listed.contains("https://good.example/feed.xml") && listed.contains("https://also.example/rss"), listed);
    }

    @Test
    void aUsageErrorIsOneLineAndWhereToLookNotTheWholeHelp() {
        MainTest.Outcome o = cli("subscribers", "add", "alice@example.com", "--send-hour", "noon");
        assertEquals(2, o.code());
        assertFalse(o.err().contains("Usage:"), o.err());
        assertEquals(2, o.err().lines().count(), o.err());
        assertTrue(o.err().lines().toList().get(1).equals("see `podcast-insights subscribers add --help`"), o.err());
    }

    @Test
    void aMalformedAddressIsRefused(@TempDir Path dir) {
        for (String bad : List.of("alice@example..com", "alice.@example.com", ".alice@example.com",
                "alice@-example.com", "alice@example.com.", "a..b@example.com")) {
            MainTest.Outcome o = cli("subscribers", "add", bad, "--data", dir.toString());
            assertEquals(2, o.code(), bad + ": " + o.out());
            assertTrue(o.err().contains("not an email address"), o.err());
        }
        assertEquals("alice.b+pods@mail.ex-ample.co.uk", SubscriberRepository.normalize("Alice.B+pods@mail.ex-ample.co.uk"));
    }

    @Test
    void theSdksCredentialChainBecomesOneLineWithAHint() {
        String sdk = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                + "credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), "
                + "WebIdentityTokenCredentialsProvider(), ProfileCredentialsProvider(...)".repeat(8) + ") : [...]";
        String shown = Main.message(new RuntimeException(new IllegalStateException(sdk)));
        assertTrue(shown.length() < 300, shown);
        assertTrue(shown.startsWith("no AWS credentials found; run `aws configure`"), shown);
    }

    @Test
    void theCliHasAnSlf4jBindingSoTheSdkPrintsNoNotice() throws Exception {
        // SLF4J 1.7 (the SDK's) prints "Failed to load class org.slf4j.impl.StaticLoggerBinder" without one
        assertNotNull(Class.forName("org.slf4j.impl.StaticLoggerBinder"));
    }

    @Test
    void muteAsTheReadmeWritesItMatchesTheShowAndANameThatMatchesNothingIsWarnedAbout(@TempDir Path dir) {
        String data = dir.toString();
        // the sample show's own spelling, as a poll records it
        new com.podcastinsights.feed.FeedRepository(new FileTable(dir.resolve("table"))).add("https://gg.example/feed.xml", "Grid and Ground");
        MainTest.Outcome ok = cli("subscribers", "add", "r@example.com", "--mute", "Grid & Ground", "--data", data);
        assertEquals(0, ok.code(), ok.err());
        assertFalse(ok.err().contains("warning"), ok.err());
        MainTest.Outcome typo = cli("subscribers", "update", "r@example.com", "--mute", "Grid & Gruond", "--data", data);
        assertEquals(0, typo.code(), typo.err());
        assertTrue(typo.err().contains("warning: --mute \"Grid & Gruond\" matches none of the 1 feeds"), typo.err());
        assertTrue(com.podcastinsights.digest.Personalizer.mutes("Grid & Ground", "Grid and Ground", "f1"));
        assertTrue(com.podcastinsights.digest.Personalizer.mutes("grid + ground", "Grid &amp; Ground", "f1"));
        assertFalse(com.podcastinsights.digest.Personalizer.mutes("Grid", "Grid and Ground", "f1"));
    }

    @Test
    void aRunShowsProgressCountsAndASummaryAndKeepsTheEventLinesForJson(@TempDir Path dir) throws Exception {
        StringWriter compact = new StringWriter();
        new LocalPipeline(template(), SEVEN_UTC, new PrintWriter(compact, true)).detailed(false)
                .runSample(dir.resolve("a"), "reader@example.com");
        String progress = compact.toString();
        assertTrue(progress.contains("progress: feeds 3/3, 6 new episodes"), progress);
        assertTrue(progress.contains("progress: feeds 3/3, transcripts 6/6, insights 6/6"), progress);
        assertTrue(progress.contains("summary: 3 feeds, 6 new episodes, 6 transcripts, 6 extracted, 0 failed deliveries"), progress);
        assertFalse(progress.contains("{\""), "no JSON lines without --json: " + progress);
        String log = Files.readString(dir.resolve("a/run.log"));
        assertTrue(log.contains("FetchTranscript <- Episode Discovered") && log.contains("{\""), log);

        StringWriter json = new StringWriter();
        new LocalPipeline(template(), SEVEN_UTC, new PrintWriter(json, true)).detailed(true)
                .runSample(dir.resolve("b"), "reader@example.com");
        assertTrue(json.toString().contains("FetchTranscript <- Episode Discovered"), json.toString());
        assertTrue(json.toString().contains("{\""), json.toString());
    }

    @Test
    void runTakesJsonAndDefaultsToCounts() {
        CommandLine run = new CommandLine(new Main()).getSubcommands().get("run");
        assertNotNull(run.getCommandSpec().findOption("--json"));
    }
}
