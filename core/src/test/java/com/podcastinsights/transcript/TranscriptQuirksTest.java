package com.podcastinsights.transcript;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ways real transcript files bend their formats, each in a small document written for this test. */
class TranscriptQuirksTest {
    private static List<Segment> parse(String text, String type) {
        return TranscriptParsers.parse(text.getBytes(StandardCharsets.UTF_8), type).segments();
    }

    @Test
    void vttTimestampsWithoutHoursOrMinutes() {
        String vtt = """
                WEBVTT

                0.860 --> 7.380
                <v SPEAKER_1>The kiln is lit.

                12:05.5 --> 12:09.250 line:90% align:end
                <v SPEAKER_2>And the glaze?
                """;

        assertEquals(List.of(
                new Segment(0.86, 7.38, "SPEAKER_1", "The kiln is lit."),
                new Segment(725.5, 729.25, "SPEAKER_2", "And the glaze?")), parse(vtt, "text/vtt"));
    }

    @Test
    void vttCueTextKeepsNoMarkupTimestampsOrNotes() {
        String vtt = """
                WEBVTT

                NOTE recorded in the barn

                chapter-1
                00:00:01.000 --> 00:00:04.000 position:10%,line-left size:80%
                <v.loud Ada Lind>We <00:00:02.000><c.yellow>fire</c> at <b>dawn</b> &lt;sharp&gt;.</v>
                <v Ada Lind>Every day.

                NOTE
                a note block
                over two lines

                00:00:04.000 --> 00:00:06.000
                - Bo: Even Sundays?
                kiln --> shelf, then rest.
                """;

        assertEquals(List.of(
                new Segment(1, 4.0, "Ada Lind", "We fire at dawn <sharp>. Every day."),
                new Segment(4, 6.0, "Bo", "Even Sundays? kiln --> shelf, then rest.")), parse(vtt, "text/vtt"));
    }

    @Test
    void cueWithoutALabelBelongsToTheLastSpeakerNamed() {
        String srt = """
                1
                00:00:00,000 --> 00:00:02,000
                Ada Lind: The clay must rest
                overnight, at least.

                2
                00:00:02,000 --> 00:00:04,000
                Otherwise it cracks.

                3
                00:00:04,000 --> 00:00:06,000
                Bo: Noted.
                """;

        assertEquals(List.of(
                new Segment(0, 2.0, "Ada Lind", "The clay must rest overnight, at least."),
                new Segment(2, 4.0, "Ada Lind", "Otherwise it cracks."),
                new Segment(4, 6.0, "Bo", "Noted.")), parse(srt, "application/srt"));
    }

    @Test
    void remarkLabelsAreNotSpeakers() {
        String srt = """
                1
                00:00:00,000 --> 00:00:02,000
                Ada: Welcome in.

                2
                00:00:02,000 --> 00:00:04,000
                Note: the recorder stopped here.

                3
                00:00:04,000 --> 00:00:06,000
                Editor's Note: a minute was cut.
                """;

        assertEquals(List.of(
                new Segment(0, 2.0, "Ada", "Welcome in."),
                new Segment(2, 4.0, "Ada", "Note: the recorder stopped here."),
                new Segment(4, 6.0, "Ada", "Editor's Note: a minute was cut.")), parse(srt, "text/srt"));
        assertEquals(List.of(
                new Segment(0, null, "Ada", "Welcome in."),
                new Segment(0, null, "Ada", "Update: we moved the kiln.")),
                parse("Ada: Welcome in.\nUpdate: we moved the kiln.\n", "text/plain"));
    }

    @Test
    void srtBlankLineQuirksDotMillisecondsAndCrLf() {
        String srt = "\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.500\r\nAda: One.\r\n"
                + "2\r\n00:00:02,500 --> 00:00:04,000\r\nTwo,\r\n\r\n\r\nstill two.\r\n\r\n\r\n\r\n"
                + "3\r\n\r\n00:00:04,000 --> 00:00:05,000\r\n42\r\n\r\n"
                + "4\r\n00:00:05,000 --> 00:00:06,000\r\nLast, with no newline at the end.";

        assertEquals(List.of(
                new Segment(1, 2.5, "Ada", "One."),
                new Segment(2.5, 4.0, "Ada", "Two, still two."),
                new Segment(4, 5.0, "Ada", "42"),
                new Segment(5, 6.0, "Ada", "Last, with no newline at the end.")), parse(srt, "application/x-subrip"));
    }

    @Test
    void jsonWordsWithSpaceAndPunctuationTokensBecomeSentences() {
        String json = """
                {"version":"1.0.0","segments":[
                 {"speaker":"Ada","startTime":0.2,"endTime":0.4,"body":"It's"},
                 {"speaker":"Ada","startTime":0.4,"endTime":0.4,"body":" "},
                 {"speaker":"Ada","startTime":0.5,"endTime":0.9,"body":"Friday"},
                 {"speaker":"Ada","startTime":0.9,"endTime":0.9,"body":","},
                 {"speaker":"Ada","startTime":1.0,"endTime":1.3,"body":"again"},
                 {"speaker":"Ada","startTime":1.3,"endTime":1.3,"body":"."},
                 {"speaker":"Ada","startTime":1.5,"endTime":1.8,"body":"Good"},
                 {"speaker":"Bo","startTime":2.0,"endTime":2.4,"body":"Morning!"},
                 {"speaker":"Bo","startTime":"00:00:03.000","endTime":"00:00:03.500","body":"Coffee?"}
                ]}""";

        assertEquals(List.of(
                new Segment(0.2, 1.3, "Ada", "It's Friday, again."),
                new Segment(1.5, 1.8, "Ada", "Good"),
                new Segment(2.0, 2.4, "Bo", "Morning!"),
                new Segment(3.0, 3.5, "Bo", "Coffee?")), parse(json, "application/json"));
    }

    @Test
    void htmlCiteAppliesToTheParagraphsAfterIt() {
        String html = """
                <time>0:00</time>
                <p>Before anyone is named.</p>
                <cite>Ada Lind:</cite>
                <time>1:02:03</time>
                <p>Tea &amp; clay.</p>
                <time>1:02:10</time>
                <p>Same speaker, <em>new</em> time.</p>
                """;

        assertEquals(List.of(
                new Segment(0, null, null, "Before anyone is named."),
                new Segment(3723, null, "Ada Lind", "Tea & clay."),
                new Segment(3730, null, "Ada Lind", "Same speaker, new time.")), parse(html, "text/html"));
    }

    @Test
    void htmlWithoutTranscriptMarkupIsReadAsText() {
        String html = "<html><body><h1>Episode 4</h1><p>Ada: We start.</p><p>Bo: Fine.</p></body></html>";

        assertEquals(List.of(
                new Segment(0, null, null, "Episode 4"),
                new Segment(0, null, "Ada", "We start."),
                new Segment(0, null, "Bo", "Fine.")), parse(html, "text/html"));
    }

    @Test
    void plainTextSpeakerLinesAndTimes() {
        String text = """
                Ada Lind: We start with the clay.
                It has to be wet.

                (00:01:05) Bo: How wet?
                [1:10.5] Like this.
                """;

        assertEquals(List.of(
                new Segment(0, null, "Ada Lind", "We start with the clay."),
                new Segment(0, null, "Ada Lind", "It has to be wet."),
                new Segment(65, null, "Bo", "How wet?"),
                new Segment(70.5, null, "Bo", "Like this.")), parse(text, "text/plain"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "'1\n00:00:01,000 --> 00:00:02,000\nHi.\n', application/octet-stream, srt",
            "'1\n00:00:01,000 --> 00:00:02,000\nHi.\n', text/html, srt",
            "'WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n', application/x-subrip, vtt",
            "'00:01.000 --> 00:02.000\nHi.\n', null, vtt",
            "'1\n00:00:01,000-->00:00:02,000\nHi.\n', null, srt",
            "'00:01.000-->00:02.000\nHi.\n', text/plain, vtt",
            "'{\"segments\":[{\"body\":\"Hi.\",\"startTime\":1}]}', text/plain, json",
            "'<cite>Ada:</cite><time>0:01</time><p>Hi.</p>', application/json, html",
            "'Ada: Hi.', text/vtt, text",
            "'<div>Hi.</div>', text/html, html"})
    void theContentDecidesWhenTheDeclaredTypeLies(String body, String declared, String format) {
        ParsedTranscript t = TranscriptParsers.parse(body.getBytes(StandardCharsets.UTF_8), declared);

        assertEquals(format, t.source());
        assertEquals(1, t.segments().size());
        assertEquals("Hi.", t.segments().get(0).text());
    }
}
