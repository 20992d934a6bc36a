package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SentenceSplitterTest {
    @Test
    void findsSentencesAcrossCueBoundariesAndKeepsAbbreviations() {
        List<Sentence> s = SentenceSplitter.split(List.of(
                new Segment(10, 14.0, "A", "Dr. Okafor measured it in the"),
                new Segment(14, 18.0, "A", "U.S. first. Then the results"),
                new Segment(18, 22.0, "A", "came back! Was it worth it?")));
        assertEquals(List.of("Dr. Okafor measured it in the U.S. first.", "Then the results came back!", "Was it worth it?"),
                s.stream().map(Sentence::text).toList());
        assertEquals(10.0, s.get(0).startSeconds());
        assertTrue(s.get(1).startSeconds() > 14 && s.get(1).startSeconds() < 18, "interpolated within the cue");
    }

    @Test
    void aNewSpeakerStartsANewTurn() {
        List<Sentence> s = SentenceSplitter.split(List.of(new Segment(0, null, "A", "We shipped it"),
                new Segment(2, null, "B", "and it broke")));
        assertEquals(2, s.size());
        assertNotEquals(s.get(0).turn(), s.get(1).turn());
        assertEquals("B", s.get(1).speaker());
    }

    @Test
    void cutsARunOnStretchIntoSentenceSizedPieces() {
        String runOn = "we moved the queue to a single region and latency dropped by half for most customers "
                + "so the team stopped worrying about it but then the weekly batch jobs started timing out because "
                + "they shared the same workers and nobody had noticed that during the migration anyway the fix was "
                + "a separate pool with its own limits and alerts";
        List<Sentence> s = SentenceSplitter.split(List.of(new Segment(0, null, null, runOn)));
        assertTrue(s.size() >= 3, s.toString());
        for (Sentence x : s) assertTrue(x.words() <= SentenceSplitter.MAX_SENTENCE_WORDS, x.text());
        assertTrue(s.get(1).text().startsWith("so the team"), s.toString());
        assertTrue(s.stream().anyMatch(x -> x.topicShift() && x.text().startsWith("anyway")), s.toString());
        assertEquals(runOn, String.join(" ", s.stream().map(Sentence::text).toList()), "no words lost");
    }
}
