package com.podcastinsights.transcript;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Amazon Transcribe's output JSON, in the shapes it writes with and without speaker labels. */
class TranscribeOutputParserTest {
    private static ParsedTranscript parse(String json) {
        return TranscriptParsers.parse(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static String item(String start, String end, String word, String speaker) {
        return "{\"start_time\":\"" + start + "\",\"end_time\":\"" + end + "\",\"type\":\"pronunciation\","
                + (speaker == null ? "" : "\"speaker_label\":\"" + speaker + "\",")
                + "\"alternatives\":[{\"confidence\":\"0.99\",\"content\":\"" + word + "\"}]}";
    }

    private static String punct(String mark) {
        return "{\"type\":\"punctuation\",\"alternatives\":[{\"confidence\":\"0.0\",\"content\":\"" + mark + "\"}]}";
    }

    @Test
    void wordsBecomeSentencesWithSpeakersFromTheItems() {
        String json = "{\"jobName\":\"ep-1\",\"status\":\"COMPLETED\",\"results\":{"
                + "\"transcripts\":[{\"transcript\":\"Kilns crack. Why? Heat.\"}],"
                + "\"speaker_labels\":{\"speakers\":2,\"segments\":[]},"
                + "\"items\":[" + String.join(",",
                item("0.04", "0.51", "Kilns", "spk_0"), item("0.51", "0.90", "crack", "spk_0"), punct("."),
                item("1.20", "1.50", "Why", "spk_1"), punct("?"),
                item("1.80", "2.25", "Heat", "spk_0"), punct(".")) + "]}}";

        ParsedTranscript t = parse(json);

        assertEquals("transcribe", t.source());
        assertEquals(List.of(
                new Segment(0.04, 0.9, "Speaker 1", "Kilns crack."),
                new Segment(1.2, 1.5, "Speaker 2", "Why?"),
                new Segment(1.8, 2.25, "Speaker 1", "Heat.")), t.segments());
    }

    @Test
    void olderOutputNamesSpeakersInTurnsAndNoLabelsMeansNoSpeaker() {
        String turns = "{\"results\":{\"speaker_labels\":{\"speakers\":2,\"segments\":["
                + "{\"start_time\":\"0.0\",\"end_time\":\"1.0\",\"speaker_label\":\"spk_0\",\"items\":[]},"
                + "{\"start_time\":\"1.1\",\"end_time\":\"2.0\",\"speaker_label\":\"spk_1\",\"items\":[]}]},"
                + "\"items\":[" + String.join(",", item("0.1", "0.6", "Glaze", null), item("0.6", "0.9", "first", null),
                item("1.2", "1.8", "Agreed", null), punct(".")) + "]}}";
        String unlabelled = "{\"results\":{\"items\":[" + item("3.0", "3.4", "Fire", null) + "," + punct("!") + "]}}";

        assertEquals(List.of(
                new Segment(0.1, 0.9, "Speaker 1", "Glaze first"),
                new Segment(1.2, 1.8, "Speaker 2", "Agreed.")), parse(turns).segments());
        assertEquals(List.of(new Segment(3.0, 3.4, null, "Fire!")), parse(unlabelled).segments());
    }
}
