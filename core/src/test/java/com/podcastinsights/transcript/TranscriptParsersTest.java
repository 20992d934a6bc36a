package com.podcastinsights.transcript;

import com.podcastinsights.feed.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptParsersTest {
    private static ParsedTranscript parse(String fixture, String type) {
        return TranscriptParsers.parse(Fixtures.bytes("transcripts/" + fixture), type);
    }

    private static ParsedTranscript parseText(String text, String type) {
        return TranscriptParsers.parse(text.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void webVtt() {
        ParsedTranscript t = parse("episode.vtt", "text/vtt");

        assertEquals("vtt", t.source());
        assertEquals(List.of(
                new Segment(0.5, 4.0, "Mara Quill", "Welcome back to the workshop."),
                new Segment(4.0, 7.25, "Mara Quill", "Today we bend oak. We start with the steam box."),
                new Segment(0.86, 7.38, "Ned Farrow", "I brought the good boards & clamps."),
                new Segment(8.0, 10.0, "Mara Quill", "Great."),
                new Segment(8.0, 10.0, "Ned Farrow", "Let's begin."),
                new Segment(10.0, 12.0, "Ned Farrow", "No voice tag on this one.")), t.segments());
    }

    @Test
    void srtWithSpeakerPrefixesAndQuirks() {
        ParsedTranscript t = parse("episode.srt", "application/x-subrip");

        assertEquals("srt", t.source());
        assertEquals(List.of(
                new Segment(1.0, 3.5, "Mara", "Good morning, everyone."),
                new Segment(3.5, 6.0, "Ned", "Morning. Ready when you are."),
                new Segment(6.0, 9.0, "Ned", "The first line of a cue that a stray blank line split."),
                new Segment(9.0, 11.0, "Ned", "Here is the thing: colons are not speakers.")), t.segments());
    }

    @Test
    void podcastingJsonMergesWordsIntoSentences() {
        ParsedTranscript t = parse("episode.json", "application/json");

        assertEquals("json", t.source());
        assertEquals(List.of(
                new Segment(0.5, 1.8, "Mara Quill", "Welcome back, friends."),
                new Segment(2.0, 2.9, "Mara Quill", "Oak bends"),
                new Segment(3.0, 4.6, "Ned Farrow", "Only when hot!"),
                new Segment(5.0, 9.0, "Ned Farrow", "A whole sentence arrives at once.")), t.segments());
    }

    @Test
    void jsonWithoutSegmentsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parseText("{\"version\":\"1.0.0\"}", "application/json"));
    }

    @Test
    void htmlWithCiteAndTime() {
        ParsedTranscript t = parse("episode.html", "text/html");

        assertEquals("html", t.source());
        assertEquals(List.of(
                new Segment(0, null, "Mara Quill", "Welcome back to the workshop."),
                new Segment(65, null, "Ned Farrow", "Thanks \u2014 glad to be here.")), t.segments());
    }

    @Test
    void plainTextWithSpeakersAndTimes() {
        ParsedTranscript t = parse("episode.txt", "text/plain");

        assertEquals("text", t.source());
        assertEquals(List.of(
                new Segment(0, null, "Mara Quill", "Welcome back to the workshop."),
                new Segment(0, null, "Mara Quill", "We have a lot to cover."),
                new Segment(65, null, "Ned Farrow", "Glad to be here."),
                new Segment(65, null, "Ned Farrow", "Here is the thing: colons appear in sentences too.")), t.segments());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "episode.vtt,  text/plain, vtt",
            "episode.vtt,  null, vtt",
            "episode.json, application/octet-stream, json",
            "episode.json, text/vtt, json",
            "episode.srt,  text/plain, srt",
            "episode.srt,  text/vtt, vtt",
            "episode.html, text/plain, html",
            "episode.txt,  application/json, text",
            "episode.txt,  text/vtt; charset=utf-8, text"})
    void contentWinsWhenTheDeclaredTypeLies(String fixture, String declared, String expected) {
        assertEquals(expected, parse(fixture, declared).source());
    }

    @Test
    void typeNamesMapToFormats() {
        assertEquals("srt", TranscriptParsers.formatOf("application/srt"));
        assertEquals("srt", TranscriptParsers.formatOf("text/srt"));
        assertEquals("vtt", TranscriptParsers.formatOf("text/vtt;charset=UTF-8"));
        assertEquals("json", TranscriptParsers.formatOf("application/json"));
        assertEquals("html", TranscriptParsers.formatOf("text/html"));
        assertEquals("text", TranscriptParsers.formatOf("text/plain"));
        assertNull(TranscriptParsers.formatOf("audio/mpeg"));
    }

    @Test
    void byteOrderMarksAreDropped() {
        byte[] body = ("\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n").getBytes(StandardCharsets.UTF_8);

        ParsedTranscript t = TranscriptParsers.parse(body, null);

        assertEquals(List.of(new Segment(1.0, 2.0, null, "Hello.")), t.segments());
    }

    @Test
    void showNotesBecomeParagraphSegmentsAtTimeZero() {
        ParsedTranscript t = ShowNotes.parse("<p>Oak cured for a year splits less than green oak, because its\n"
                + "moisture leaves <b>slowly</b> &amp; evenly.</p>"
                + "<script>alert('x')</script><ul><li>Oak</li><li>Ash&nbsp;&#38;&#x20AC; costs more than oak in most yards today.</li></ul>"
                + "<p>In this episode we talk about steam boxes and timing with our favourite boat builder.</p>"
                + "<p>Follow the show at @tidewater or https://tidewater.example for the plans we mention.</p>"
                + "<p>Producer: Sam Reyes and the rest of the crew at the workshop.</p>");

        assertEquals("show-notes", t.source());
        assertEquals(List.of(new Segment(0, null, null,
                "Oak cured for a year splits less than green oak, because its moisture leaves slowly & evenly.")),
                t.segments(), "prose only: no list item, framing, handle, link or credit line");
        assertTrue(ShowNotes.parse(null).isEmpty());
        assertTrue(ShowNotes.parse("  <p> </p> ").isEmpty());
    }

    @Test
    void timestampForms() {
        assertEquals(3723.5, Timestamps.parse("01:02:03.500"));
        assertEquals(123.456, Timestamps.parse("02:03,456"), 1e-9);
        assertEquals(0.86, Timestamps.parse("0.860"), 1e-9);
        assertNull(Timestamps.parse("00:61.000"));
        assertNull(Timestamps.parse("soon"));
    }

    @Test
    void aFileNameDeclaresItsFormatAndAnUnknownOneLeavesItToTheContent() {
        org.junit.jupiter.api.Assertions.assertEquals(TranscriptParsers.VTT, TranscriptParsers.formatOfFileName("ep.VTT"));
        org.junit.jupiter.api.Assertions.assertEquals(TranscriptParsers.HTML, TranscriptParsers.formatOfFileName("ep.htm"));
        org.junit.jupiter.api.Assertions.assertEquals(TranscriptParsers.TEXT, TranscriptParsers.formatOfFileName("notes.txt"));
        org.junit.jupiter.api.Assertions.assertNull(TranscriptParsers.formatOfFileName("episode.transcript"));
        org.junit.jupiter.api.Assertions.assertNull(TranscriptParsers.formatOfFileName("README"));
    }

    @Test
    void textLinesOpeningWithABracketedTimeAreTextNotJson() {
        ParsedTranscript t = parseText("[00:01:10] Ana: Heat pumps move warmth rather than make it.\n"
                + "[00:01:25] Ben: So the bill falls.\n", null);
        assertEquals("text", t.source());
        assertEquals(List.of(new Segment(70, null, "Ana", "Heat pumps move warmth rather than make it."),
                new Segment(85, null, "Ben", "So the bill falls.")), t.segments());
        assertEquals("json", TranscriptParsers.sniff("[ {\"speaker\": \"Ana\"} ]"));
        assertEquals("json", TranscriptParsers.sniff("[]"));
    }
}
