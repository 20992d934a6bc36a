package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundingTest {
    private static final String SOURCE = "So Maria told me the heat pump cut their bill by 40 percent, because it"
            + " moves heat instead of making it, which means the payback is about six years in Ohio.";
    private static final String GROUNDED = "A heat pump can cut a household energy bill by 40 percent because it"
            + " moves heat instead of making it. That efficiency is the whole argument: the payback is about six"
            + " years in Ohio, so the choice is less about ideology and more about how long a family expects to"
            + " stay in the house.";

    @Test
    void acceptsARewriteThatUsesOnlyTheSourcesNumbersAndNames() {
        assertTrue(Grounding.grounded(GROUNDED, SOURCE));
    }

    @Test
    void rejectsANumberTheSourceDoesNotHave() {
        assertFalse(Grounding.grounded(GROUNDED.replace("40 percent", "45 percent"), SOURCE));
    }

    @Test
    void rejectsANameTheSourceDoesNotHave() {
        assertFalse(Grounding.grounded(GROUNDED.replace("in Ohio", "in Texas"), SOURCE));
    }

    @Test
    void rejectsRewritesOutsideThirtyToNinetyWords() {
        assertFalse(Grounding.grounded("A heat pump cuts the bill by 40 percent.", SOURCE));
        assertFalse(Grounding.grounded((GROUNDED + " ").repeat(3), SOURCE));
        assertFalse(Grounding.grounded("", SOURCE));
    }
}
