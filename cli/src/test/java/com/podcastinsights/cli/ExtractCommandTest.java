package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code extract FILE --top N --json} on the formats an operator is likely to have at hand. */
class ExtractCommandTest {
    private static final String CLAIM = "Most grid batteries store four hours of energy because that is roughly how "
            + "long the evening peak lasts, and um adding a fifth hour costs almost as much as the first four.";
    private static final String SECOND = "A battery loses capacity fastest when it is held completely full for weeks, "
            + "so operators keep most systems between ten and ninety percent charge every single day.";

    @Test
    void speakerLinesGiveTheTopPassagesAsJsonWithTheExactSourceText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("episode.txt");
        Files.writeString(file, "00:01:10 Ana: Welcome back to the show, everyone, and please subscribe.\n"
                + "00:01:40 Ben: " + CLAIM + "\n"
                + "00:02:30 Ana: Why not build longer ones?\n"
                + "00:02:35 Ben: " + SECOND + "\n");
        MainTest.Outcome o = cli("extract", file.toString(), "--top", "5", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode insights = new ObjectMapper().readTree(o.out()).get("insights");
        assertEquals(2, insights.size(), "the intro and the question are not insights: " + o.out());
        JsonNode first = insights.get(0).get("sourceText").asText().equals(CLAIM) ? insights.get(0) : insights.get(1);
        assertEquals(CLAIM, first.get("sourceText").asText());
        assertFalse(first.get("text").asText().contains(" um "), first.get("text").asText());
        assertEquals("Ben", first.get("speaker").asText());
        assertEquals(100.0, first.get("startSeconds").asDouble());
        assertTrue(first.get("score").asDouble() > 0 && first.get("score").asDouble() <= 1);
    }

    @Test
    void anEpisodeOfOnlyBoilerplateGivesNoInsightAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("episode.txt");
        Files.writeString(file, "00:00:05 Ana: Welcome back to the show, everyone, I'm your host.\n"
                + "00:00:20 Ana: Please subscribe, and leave us a five-star review on Apple Podcasts.\n"
                + "00:00:40 Ana: That's all for today, thanks for listening.\n");
        MainTest.Outcome o = cli("extract", file.toString(), "--top", "5", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals(0, new ObjectMapper().readTree(o.out()).get("insights").size(), o.out());
        assertTrue(o.err().contains("0 of 5 insights") && o.err().contains("quality floor"), o.err());
    }

    @Test
    void plainParagraphsAndVttWork(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, CLAIM + "\n\n" + SECOND + "\n");
        JsonNode fromText = new ObjectMapper().readTree(cli("extract", text.toString(), "--json").out()).get("insights");
        assertEquals(2, fromText.size());
        assertTrue(fromText.get(0).get("speaker").isNull());

        Path vtt = dir.resolve("ep.vtt");
        Files.writeString(vtt, "WEBVTT\n\n00:00:05.000 --> 00:00:20.000\n<v Ben>" + CLAIM + "\n\n"
                + "00:00:20.000 --> 00:00:40.000\n<v Ben>" + SECOND + "\n");
        JsonNode fromVtt = new ObjectMapper().readTree(cli("extract", vtt.toString(), "--top", "5", "--json").out()).get("insights");
        assertFalse(fromVtt.isEmpty());
        assertTrue(fromVtt.get(0).get("startSeconds").asDouble() >= 5.0);
    }

    @Test
    void withoutJsonItPrintsOneNumberedLinePerInsight(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, CLAIM + "\n\n" + SECOND + "\n");
        MainTest.Outcome o = cli("extract", text.toString(), "--top", "2");
        assertEquals(0, o.code(), o.err());
        assertEquals(2, o.out().lines().count(), o.out());
        assertTrue(o.out().startsWith("1. "), o.out());
    }

    @Test
    void aMissingFileOrABadTopFailsWithAClearMessage(@TempDir Path dir) throws Exception {
        MainTest.Outcome missing = cli("extract", dir.resolve("nope.txt").toString(), "--json");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, CLAIM);
        assertEquals(2, cli("extract", text.toString(), "--top", "0").code());
    }

    @Test
    void showNotesLiftThePassageTheyAreAbout(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("episode.txt");
        Files.writeString(text, CLAIM + "\n\n" + SECOND + "\n");
        Path notes = dir.resolve("notes.html");
        Files.writeString(notes, "<p>Why battery capacity fades when cells are held full, and why operators keep "
                + "charge between ten and ninety percent every day.</p>");
        double without = score(cli("extract", text.toString(), "--json").out(), SECOND);
        double with = score(cli("extract", text.toString(), "--notes", notes.toString(), "--json").out(), SECOND);
        assertTrue(with > without, with + " vs " + without);
        MainTest.Outcome missing = cli("extract", text.toString(), "--notes", dir.resolve("nope.html").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such notes file"), missing.err());
    }

    private static double score(String json, String source) throws Exception {
        for (JsonNode n : new ObjectMapper().readTree(json).get("insights")) {
            if (n.get("sourceText").asText().equals(source)) return n.get("score").asDouble();
        }
        throw new AssertionError(source + " not in " + json);
    }
}
