package com.podcastinsights.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and messages of the command line: 0 ok, 1 failure, 2 usage. */
class MainTest {
    record Outcome(int code, String out, String err) {
    }

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpAndVersionSucceedOnEveryCommand() {
        for (String[] args : new String[][]{{"--help"}, {"run", "--help"}, {"feeds", "--help"}, {"feeds", "add", "--help"},
                {"feeds", "list", "--help"}, {"feeds", "remove", "--help"}, {"subscribers", "--help"},
                {"subscribers", "add", "--help"}, {"subscribers", "list", "--help"}, {"subscribers", "remove", "--help"}}) {
            Outcome o = cli(args);
            assertEquals(0, o.code(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.out().contains("Usage:"), String.join(" ", args));
        }
        Outcome v = cli("run", "--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("podcast-insights"), v.out());
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        String help = cli("--help").out();
        assertTrue(help.contains("run") && help.contains("feeds") && help.contains("subscribers"), help);
        assertTrue(help.contains("Exit codes"), help);
    }

    @Test
    void aMissingOrUnknownCommandIsAUsageError() {
        Outcome none = cli();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("missing command"), none.err());
        assertEquals(2, cli("frobnicate").code());
        assertEquals(2, cli("feeds").code());
        assertEquals(2, cli("subscribers").code());
        assertEquals(2, cli("run", "--no-such-option").code());
    }

    @Test
    void runNeedsExactlyOneSource(@TempDir Path dir) throws Exception {
        Outcome neither = cli("run", "--out", dir.toString());
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--sample or --feeds"), neither.err());
        Path opml = Files.writeString(dir.resolve("f.opml"), "<opml version=\"2.0\"><body/></opml>");
        assertEquals(2, cli("run", "--sample", "--feeds", opml.toString(), "--out", dir.toString()).code());
    }

    @Test
    void runRefusesABadAddressAndAMissingOpmlFileAsUsageErrors(@TempDir Path dir) {
        Outcome badTo = cli("run", "--sample", "--to", "not-an-address", "--out", dir.toString());
        assertEquals(2, badTo.code());
        assertTrue(badTo.err().contains("not an email address"), badTo.err());
        Outcome missing = cli("run", "--feeds", dir.resolve("nope.opml").toString(), "--out", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void runFailsWhenTheOpmlListsNoFeeds(@TempDir Path dir) throws Exception {
        Path opml = Files.writeString(dir.resolve("empty.opml"), "<opml version=\"2.0\"><body/></opml>");
        Outcome o = cli("run", "--feeds", opml.toString(), "--out", dir.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("lists no feeds"), o.err());
    }

    @Test
    void runFailsClearlyWhenTheTemplateIsMissing(@TempDir Path dir) {
        Outcome o = cli("run", "--sample", "--template", dir.resolve("missing.yaml").toString(), "--out", dir.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("error: template not found"), o.err());
    }

    @Test
    void deployedStacksAndEndpointsAreNotSupportedYet() {
        Outcome stack = cli("run", "--stack", "podcast-insights");
        assertEquals(2, stack.code());
        assertTrue(stack.err().contains("--stack is not supported yet"), stack.err());
        Outcome endpoint = cli("run", "--endpoint", "http://127.0.0.1:4566");
        assertEquals(2, endpoint.code());
        assertTrue(endpoint.err().contains("--endpoint is not supported yet"), endpoint.err());
    }

    @Test
    void operatorCommandsRejectBadInputAsUsageErrors(@TempDir Path dir) {
        assertEquals(2, cli("feeds", "add", "ftp://example.com/feed", "--data", dir.toString()).code());
        assertEquals(2, cli("feeds", "add", "--data", dir.toString()).code());
        assertEquals(2, cli("subscribers", "add", "nobody", "--data", dir.toString()).code());
        assertEquals(2, cli("subscribers", "remove", "a@b", "--data", dir.toString()).code());
    }
}
