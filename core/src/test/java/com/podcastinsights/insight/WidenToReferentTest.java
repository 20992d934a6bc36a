package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pick that opens on a referent it does not name is widened back, within the speaker's turn, to where it is named. */
class WidenToReferentTest {
    private static final String NAMES = "Harbourline is a scheduling library that the port authority open-sourced last spring.";
    private static final String REFERS = "It keeps every crane booking in one ledger, so two ships can never be promised the same berth.";
    private static final String MORE = "That alone cut the average wait outside the harbour from nine hours to three.";

    private static Sentence s(String text, int turn) {
        return new Sentence(text, 0, "Host", turn, false);
    }

    private static Candidate pick(List<Sentence> sentences, int first, int last) {
        return new Candidate(first, last, List.copyOf(sentences.subList(first, last + 1)), false, 0.5, 0.3, false);
    }

    private static Boilerplate.Marks none(int n) {
        return new Boilerplate.Marks(new BoilerplateKind[n], new boolean[n]);
    }

    @Test
    void aPickThatOpensWithItGetsTheSentenceThatNamesIt() {
        List<Sentence> sentences = List.of(s("What did you find when you looked at the ports?", 0), s(NAMES, 1), s(REFERS, 1), s(MORE, 1));
        Candidate wider = PickRepair.widened(pick(sentences, 2, 3), sentences, none(4));
        assertNotNull(wider);
        assertEquals(1, wider.first());
        assertTrue(wider.sourceText().startsWith("Harbourline is"));
    }

    @Test
    void aFragmentOpeningIsWidenedToo() {
        List<Sentence> sentences = List.of(s(NAMES, 0), s("Not for the cargo itself, but for every crane and berth booked around it.", 0), s(MORE, 0));
        assertEquals(0, PickRepair.widened(pick(sentences, 1, 2), sentences, none(3)).first());
    }

    @Test
    void notAcrossSpeakersNorIntoAReadNorWhenTheStartIsNotFound() {
        List<Sentence> otherSpeaker = List.of(s(NAMES, 0), s(REFERS, 1), s(MORE, 1));
        assertNull(PickRepair.widened(pick(otherSpeaker, 1, 2), otherSpeaker, none(3)));

        List<Sentence> read = List.of(s(NAMES, 0), s(REFERS, 0), s(MORE, 0));
        Boilerplate.Marks marks = none(3);
        marks.kinds()[0] = BoilerplateKind.SPONSOR;
        assertNull(PickRepair.widened(pick(read, 1, 2), read, marks));

        List<Sentence> allPronouns = List.of(s("They said it would never ship on time, and they were right about it.", 0),
                s("These were the same people who had built it in the first place.", 0), s(REFERS, 0), s(MORE, 0));
        assertNull(PickRepair.widened(pick(allPronouns, 2, 3), allPronouns, none(4)));
    }

    @Test
    void aPickThatNamesItsSubjectStaysAsItIs() {
        List<Sentence> sentences = List.of(s(MORE, 0), s(NAMES, 0), s(REFERS, 0));
        assertNull(PickRepair.widened(pick(sentences, 1, 2), sentences, none(3)));
    }
}
