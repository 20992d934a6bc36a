package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two ranking signals: where in the speaker's turn a passage starts, and how much of it is about the speakers. */
class TurnPositionAndPersonalTalkTest {
    private final InsightExtractor extractor = new InsightExtractor();

    @Test
    void turnPositionIsTheShareOfTheTurnSaidBeforeTheSentence() {
        List<Sentence> s = List.of(
                new Sentence("one two three four five six", 0, "A", 0, false),
                new Sentence("one two", 0, "A", 0, false),
                new Sentence("one two three four five six seven eight nine ten", 0, "B", 1, false));
        double[] p = InsightExtractor.turnPositions(s);
        assertEquals(0.0, p[0], 1e-9);
        assertEquals(0.75, p[1], 1e-9);
        assertEquals(0.0, p[2], 1e-9, "a new turn starts again at zero");
    }

    @Test
    void theSameStatementEarlyInATurnOutranksItNearTheEnd() {
        String text = "So the battery in most homes lasts about ten years, which means it usually outlives the "
                + "warranty but not the solar panels on the roof.";
        Sentence s = new Sentence(text, 0, "A", 0, false);
        double prior = PassageScorer.prior(text);
        List<Candidate> both = List.of(new Candidate(0, 0, List.of(s), false, prior, 0.0, false),
                new Candidate(1, 1, List.of(s), false, prior, 0.9, false));
        double[] scores = PassageScorer.score(both, 1.0);
        assertTrue(scores[0] < 1.0, "not clipped: " + scores[0]);
        assertEquals(0.9 * PassageScorer.TURN_POSITION_WEIGHT / PassageScorer.MAX_RAW, scores[0] - scores[1], 1e-9);
    }

    @Test
    void theExtractorPassesEachPassagesTurnPositionToTheScore() {
        // "Okay" opens something new, so no passage runs from one statement into the other
        String a = "Okay, lithium iron phosphate cells survive four thousand charge cycles, which means a home "
                + "battery outlasts the inverter it was sold with by a decade or more.";
        String b = "Okay, grid operators pay storage owners for frequency response, so a battery earns most of its "
                + "money in the seconds after a power station trips.";
        // the question opens the turn, so neither statement gets the turn-start bonus: only position differs
        List<RankedPassage> ab = extractor.rank(text("What should buyers know? " + a + " " + b), 2);
        List<RankedPassage> ba = extractor.rank(text("What should buyers know? " + b + " " + a), 2);
        assertTrue(score(ab, a) > score(ba, a), ab + " vs " + ba);
        assertTrue(score(ba, b) > score(ab, b), ab + " vs " + ba);
    }

    private static double score(List<RankedPassage> ranked, String source) {
        return ranked.stream().filter(p -> p.sourceText().equals(source)).findFirst().orElseThrow().score();
    }

    @Test
    void personalShareCountsFirstAndSecondPersonWords() {
        assertEquals(0.0, PassageScorer.personal("Batteries store four hours of energy."), 1e-9);
        assertEquals(0.5, PassageScorer.personal("I think you know my view"), 1e-9);
    }

    @Test
    void talkAboutTheSpeakersCostsInProportionToItsPersonalWords() {
        // the same sentence with "I/you/my" swapped for "we/they/our": equal substance, cues and length
        String personal = "I told you my heat pump story: it moves three units of heat for every unit of electricity "
                + "because it pumps heat that already exists outdoors.";
        String impersonal = "We told them our heat pump story: it moves three units of heat for every unit of electricity "
                + "because it pumps heat that already exists outdoors.";
        assertEquals(PassageScorer.substance(personal), PassageScorer.substance(impersonal), 1e-9);
        double share = PassageScorer.personal(personal);
        assertEquals(3.0 / Words.count(personal), share, 1e-9);
        assertEquals(PassageScorer.PERSONAL_WEIGHT * share, PassageScorer.prior(impersonal) - PassageScorer.prior(personal), 1e-9);
    }

    @Test
    void aClaimAboutTheSubjectOutranksTalkAboutTheSpeakers() {
        String subject = "Heat pumps move three units of heat for every unit of electricity, because they pump "
                + "heat that already exists outdoors instead of making it from fuel.";
        String speakers = "I told you my heat pump story before, and I still think you would love mine, because "
                + "I keep my house warm with it and my bills went down for me.";
        Transcript t = new Transcript("f", "e", null, "text",
                List.of(new Segment(0, null, null, speakers), new Segment(0, null, null, subject)));
        assertEquals(subject, extractor.rank(t, 1).get(0).sourceText());
    }

    @Test
    void aSevenWordAnswerToAQuestionDoesNotStartThePassageThatExplainsIt() {
        Transcript t = new Transcript("f", "e", null, "json", List.of(
                new Segment(0, 5.0, "Host", "Is one long workout better than several short ones?"),
                new Segment(5, 8.0, "Guest", "For most health outcomes, it adds up."),
                new Segment(8, 20.0, "Guest", "Several short bouts of activity spread through the day bring most of "
                        + "the heart benefits of one long session, because what counts is the total amount of "
                        + "moderate effort over a week.")));
        RankedPassage top = extractor.rank(t, 1).get(0);
        assertTrue(top.sourceText().startsWith("Several short bouts"), top.sourceText());
    }

    private static Transcript text(String paragraph) {
        return new Transcript("f", "e", null, "text", List.of(new Segment(0, null, null, paragraph)));
    }
}
