package com.podcastinsights.cli;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.feed.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** transcript inspect: the normalized transcript and its stats, from a file or a URL. */
class TranscriptCommandTest {
    private static final String VTT = """
            WEBVTT

            0.500 --> 4.000
            <v Ada Lind>The kiln runs hot today.

            00:04.000 --> 00:09.250
            <v Bo>Then we glaze tomorrow morning.

            00:09.250 --> 00:12.000
            Early.
            """;

    @Test
    void printsTheNormalizedTranscriptWithStats(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("episode.vtt"), VTT);

        MainTest.Outcome o = cli("transcript", "inspect", file.toString(), "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode root = Json.MAPPER.readTree(o.out());
        assertEquals("vtt", root.get("source").asText());
        assertEquals(3, root.at("/stats/segments").asInt());
        assertEquals(11, root.at("/stats/words").asInt());
        assertEquals(2, root.at("/stats/speakers").asInt());
        assertEquals("Ada Lind", root.at("/stats/speakerNames/0").asText());
        assertEquals(12.0, root.at("/stats/durationSeconds").asDouble());
        assertEquals(0.5, root.at("/segments/0/start").asDouble());
        assertEquals(4.0, root.at("/segments/0/end").asDouble());
        assertEquals("Bo", root.at("/segments/2/speaker").asText());
        assertEquals("Early.", root.at("/segments/2/text").asText());
    }

    /** docs/transcript-json.md: every segment has its four keys in that order, null where the format says nothing. */
    @Test
    void segmentsHaveTheDocumentedKeysInOrder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "The kiln runs hot today.");

        MainTest.Outcome o = cli("transcript", "inspect", file.toString(), "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode segment = Json.MAPPER.readTree(o.out()).at("/segments/0");
        List<String> keys = new ArrayList<>();
        segment.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("start", "end", "speaker", "text"), keys);
        assertTrue(segment.get("end").isNull(), o.out());
        assertTrue(segment.get("speaker").isNull(), o.out());
    }

    @Test
    void theContentWinsOverAWrongType(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("transcript.bin"), VTT);

        MainTest.Outcome o = cli("transcript", "inspect", file.toString(), "--type", "application/json", "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode root = Json.MAPPER.readTree(o.out());
        assertEquals("application/json", root.get("declaredType").asText());
        assertEquals("vtt", root.get("source").asText());
    }

    @Test
    void summaryWithoutJson(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("episode.txt"), "Ada: One.\nBo: Two.\n");

        MainTest.Outcome o = cli("transcript", "inspect", file.toString());

        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("text, 2 segments, 2 words, 2 speakers (Ada, Bo), no timing"), o.out());
    }

    @Test
    void readsAUrlLikeThePipeline() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.content("/t/ep.srt", "text/plain", "1\n00:00:01,000 --> 00:00:02,000\nAda: Hello there.\n"
                    .getBytes(StandardCharsets.UTF_8));
            String url = server.uri("/t/ep.srt").toString();

            MainTest.Outcome guarded = cli("transcript", "inspect", url, "--json");
            assertEquals(1, guarded.code());
            assertTrue(guarded.err().contains("refused"), guarded.err());

            MainTest.Outcome o = cli("transcript", "inspect", url, "--json", "--allow-loopback");
            assertEquals(0, o.code(), o.err());
            JsonNode root = Json.MAPPER.readTree(o.out());
            assertEquals("srt", root.get("source").asText());
            assertEquals("text/plain", root.get("contentType").asText());
            assertEquals("Ada", root.at("/segments/0/speaker").asText());
        }
    }

    @Test
    void honestExitCodes(@TempDir Path dir) throws Exception {
        assertEquals(2, cli("transcript", "inspect", dir.resolve("missing.vtt").toString()).code());
        assertEquals(2, cli("transcript").code());
        MainTest.Outcome empty = cli("transcript", "inspect", Files.writeString(dir.resolve("e.vtt"), "WEBVTT\n").toString());
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("no text"), empty.err());
        MainTest.Outcome broken = cli("transcript", "inspect",
                Files.writeString(dir.resolve("b.json"), "{\"version\":1}").toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("no segments"), broken.err());
        assertEquals(0, cli("transcript", "inspect", "--help").code());
    }
}
