package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A pick starts where a thought starts and ends where it ends; the rubric's "standalone" in code. */
class WholeThoughtsTest {
    private static final String REST = " sets the price of every model a startup can afford to run, because the chips "
            + "are rented by the hour and the hours add up quickly.";

    @Test
    void openingsThatPointBackAtWhatTheReaderHasNotHeardAreRejected() {
        for (String opening : new String[]{"The other part", "One of the goals", "Also, the budget", "Number three, cost",
                "Completed meaning that the budget", "Of how the budget", "Speaking of budgets, the budget",
                "In that case the budget", "So, another budget", "Because the budget"}) {
            assertEquals(PassageFilter.Reason.UNRESOLVED_PRONOUN, PassageFilter.rejectPassage(opening + REST), opening);
        }
    }

    @Test
    void aPassageThatStopsOnAWordWaitingForItsObjectIsCutOff() {
        assertEquals(PassageFilter.Reason.FILLER, PassageFilter.rejectPassage("The budget" + REST + " And I was in the."));
        assertNull(PassageFilter.rejectPassage("The budget" + REST + " Most teams never look at it."));
    }

    @Test
    void twoVoicesInOneTextAreTranscriptMarkup() {
        assertEquals(PassageFilter.Reason.TRANSCRIPT_MARKUP,
                PassageFilter.rejectPassage("The budget" + REST + " BRIAN DORSEY: Yeah, that is right, it is."));
    }

    @Test
    void aRundownItemIsNotWhereAThoughtStarts() {
        assertEquals(true, ClaimCues.opensRundownItem("First off, this was sent to us by listener John."));
        assertEquals(false, ClaimCues.opensRundownItem("Smaller models are cheaper because they do less work."));
    }
}
