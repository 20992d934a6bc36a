package com.podcastinsights.transcript;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Automatic transcripts write the speaker into the cue text; it must become the segment's speaker. */
class SpeakerLabelsInTextTest {
    private static List<Segment> vtt(String body) {
        return TranscriptParsers.parse(("WEBVTT\n\n" + body).getBytes(StandardCharsets.UTF_8), "text/vtt").segments();
    }

    @Test
    void aBracketedLabelIsTheSpeakerAndLeavesTheText() {
        List<Segment> s = vtt("00:00:00.000 --> 00:00:05.000\n[Amit Varma]: Money is a shared story we all agree to tell.\n");
        assertEquals(List.of(new Segment(0, 5.0, "Amit Varma", "Money is a shared story we all agree to tell.")), s);
    }

    @Test
    void severalLabelsInOneCueSplitItByVoiceAndRepeatsOfOneVoiceJoin() {
        List<Segment> s = vtt("00:00:05.000 --> 00:00:10.000\n"
                + "[Amit Varma]: Banks lend what they do not hold, [Amit Varma]: which is why a run can sink them. "
                + "[Guest 1]: And deposit insurance exists to stop runs.\n");
        assertEquals(List.of(
                new Segment(5, 10.0, "Amit Varma", "Banks lend what they do not hold, which is why a run can sink them."),
                new Segment(5, 10.0, "Guest 1", "And deposit insurance exists to stop runs.")), s);
    }

    @Test
    void unknownKeepsTheVoiceBeforeIt() {
        List<Segment> s = vtt("00:00:00.000 --> 00:00:04.000\n[Amit Varma]: We take the heart for granted until\n\n"
                + "00:00:04.000 --> 00:00:06.000\n[Unknown]: there is a problem with it.\n");
        assertEquals("Amit Varma", s.get(1).speaker());
        assertEquals("there is a problem with it.", s.get(1).text());
    }
}
