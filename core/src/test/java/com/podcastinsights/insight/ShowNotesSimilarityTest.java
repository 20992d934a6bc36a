package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowNotesSimilarityTest {
    // two passages of equal substance on different subjects, each its own speaker turn
    private static final String HEAT_PUMPS = "Heat pumps move warmth instead of burning fuel, so a unit drawing one kilowatt "
            + "delivers three kilowatts of heating, which means running costs fall even where electricity prices stay "
            + "high through the winter months.";
    private static final String SOURDOUGH = "Sourdough starters keep wild yeast and lactic bacteria alive together, so the "
            + "acid they produce slows staling, which means a naturally leavened loaf stays fresh for days longer than "
            + "bread made with commercial yeast.";
    private static final String NOTES = "<p>This week: why <b>sourdough</b> starters keep bread fresh, what lactic "
            + "bacteria and wild yeast do in the loaf, and how naturally leavened bread stales.</p>";

    private final InsightExtractor extractor = new InsightExtractor();

    private static Transcript twoTurns(String first, String second, String source) {
        return new Transcript("f", "e", "en", source, List.of(
                new Segment(0, 20.0, "Ana", first), new Segment(20, 40.0, "Ben", second)));
    }

    @Test
    void notesAddAtMostTheirWeight() {
        Transcript t = twoTurns(HEAT_PUMPS, SOURDOUGH, "vtt");
        double without = score(extractor.rank(t, 2), SOURDOUGH);
        double with = score(extractor.rank(t, 2, NOTES), SOURDOUGH);
        assertEquals(PassageScorer.NOTES_WEIGHT / PassageScorer.MAX_RAW * lift(SOURDOUGH), with - without, 1e-6,
                "the passage closest to the notes gets the whole notes term");
        assertEquals(score(extractor.rank(t, 2), HEAT_PUMPS), score(extractor.rank(t, 2, NOTES), HEAT_PUMPS), 1e-6,
                "a passage sharing no notes terms gets nothing");
    }

    @Test
    void shortNotesAndNotesThatAreTheSourceChangeNothing() {
        Transcript t = twoTurns(HEAT_PUMPS, SOURDOUGH, "vtt");
        assertEquals(extractor.rank(t, 2), extractor.rank(t, 2, "<p>Sourdough. Links below.</p>"));
        Transcript fromNotes = twoTurns(HEAT_PUMPS, SOURDOUGH, "show-notes");
        assertEquals(extractor.rank(fromNotes, 2), extractor.rank(fromNotes, 2, NOTES));
    }

    /** ReaderFit's factor for a fluent passage: 1, or more for a claim it finds backed (the notes term is scaled with the score). */
    private static double lift(String passage) {
        return 1 + ReaderFit.SUPPORT_BONUS * ReaderFit.support(passage);
    }

    private static double score(List<RankedPassage> ranked, String source) {
        return ranked.stream().filter(p -> p.sourceText().equals(source)).findFirst().orElseThrow().score();
    }

    @Test
    void aPassageSharingSomeOfTheNotesTermsGetsPartOfTheTerm() {
        String mixed = "Bakeries that swap gas ovens for heat pumps keep their loaves and starters warm overnight, so "
                + "the yeast stays active, which means the first bread of the morning is ready an hour sooner.";
        Transcript t = new Transcript("f", "e", "en", "vtt", List.of(new Segment(0, 20.0, "Ana", HEAT_PUMPS),
                new Segment(20, 40.0, "Ben", SOURDOUGH), new Segment(40, 60.0, "Cy", mixed)));
        double full = PassageScorer.NOTES_WEIGHT / PassageScorer.MAX_RAW;
        double sourdough = score(extractor.rank(t, 3, NOTES), SOURDOUGH) - score(extractor.rank(t, 3), SOURDOUGH);
        double part = score(extractor.rank(t, 3, NOTES), mixed) - score(extractor.rank(t, 3), mixed);
        assertEquals(full * lift(SOURDOUGH), sourdough, 1e-6);
        assertTrue(part > 0 && part < full / 2, "mixed passage gains " + part + " of " + full);
    }
}
