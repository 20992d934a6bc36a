package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranking signals and the passage boundaries added for meeting-style talk. */
class SubstanceAndCentralityTest {
    private final InsightExtractor extractor = new InsightExtractor();

    @Test
    void substanceSeparatesAStatementFromTalkThatCircles() {
        double stated = PassageScorer.substance("The rubber casing costs forty cents more than plastic, so the budget "
                + "forces plastic buttons with a rubber grip strip.");
        double circling = PassageScorer.substance("Yeah so I mean I think that's kind of the thing, you know, it's "
                + "just something we should maybe think about a bit more, really.");
        assertTrue(stated > 2 * circling, stated + " vs " + circling);
        assertTrue(stated <= 1.0 && circling >= 0.0);
    }

    @Test
    void plainTextParagraphsAreSeparatePassagesButWrappedLinesAreJoined() {
        List<Sentence> paragraphs = SentenceSplitter.split(List.of(
                new Segment(0, null, null, "The budget is twelve euros fifty per unit."),
                new Segment(0, null, null, "Solar cells are too weak indoors.")), true);
        assertEquals(2, paragraphs.stream().map(Sentence::turn).distinct().count());
        List<Sentence> wrapped = SentenceSplitter.split(List.of(
                new Segment(0, null, null, "the budget is twelve euros fifty"),
                new Segment(0, null, null, "per unit so the chip has to be the simple one.")), true);
        assertEquals(1, wrapped.stream().map(Sentence::turn).distinct().count());
        List<Sentence> cues = SentenceSplitter.split(List.of(
                new Segment(0, null, null, "The budget is twelve euros fifty per unit."),
                new Segment(0, null, null, "Solar cells are too weak indoors.")), false);
        assertEquals(1, cues.stream().map(Sentence::turn).distinct().count());
    }

    @Test
    void aPassageNeverRunsAcrossTwoParagraphsOfAPlainTextTranscript() {
        String first = "The kinetic charger adds three euros to every unit, which means the case has to drop the "
                + "double curve to stay under the twelve euro fifty production limit we were given.";
        String second = "Fruit and vegetable colours are the trend in furniture and clothes this year, so a lemon "
                + "yellow case with a spongy rubber grip would match what the fashion reports describe.";
        Transcript t = new Transcript("f", "e", null, "text",
                List.of(new Segment(0, null, null, first), new Segment(0, null, null, second)));
        List<RankedPassage> all = extractor.rank(t, 10);
        assertEquals(2, all.size(), all.toString());
        for (RankedPassage p : all) assertTrue(first.equals(p.sourceText()) || second.equals(p.sourceText()), p.sourceText());
    }

    @Test
    void aShortReplyToAQuestionIsNotWhereAPassageStarts() {
        Transcript t = new Transcript("f", "e", null, "vtt", List.of(
                new Segment(0, 5.0, "Host", "Is sleep just rest for the body?"),
                new Segment(5, 8.0, "Guest", "A lot more than resting."),
                new Segment(8, 30.0, "Guest", "During deep sleep the brain replays the day's experiences and moves "
                        + "them from short-term to long-term storage, because the hippocampus hands its recent "
                        + "memories over to the cortex while nothing new is coming in.")));
        List<RankedPassage> top = extractor.rank(t, 1);
        assertEquals(1, top.size());
        assertTrue(top.get(0).sourceText().startsWith("During deep sleep"), top.get(0).sourceText());
        assertEquals(8.0, top.get(0).startSeconds());
    }

    @Test
    void aRunOnCutMidClauseIsNotWhereAPassageStarts() {
        assertTrue(InsightExtractor.startsMidClause("have slides and then it all comes compact into one"));
        assertFalse(InsightExtractor.startsMidClause("so the case has to drop the double curve"));
        assertFalse(InsightExtractor.startsMidClause("The case has to drop the double curve"));
    }
}
