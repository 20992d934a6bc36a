package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimCuesTest {
    @Test
    void aClaimWithItsReasonBeatsABareClaimWhichBeatsAnAnnouncementOrAnAnecdote() {
        double reasoned = ClaimCues.score("Smaller models cut the bill by ten times, because most questions never "
                + "needed the largest model.");
        double bare = ClaimCues.score("Smaller models are the future of the whole industry.");
        double announced = ClaimCues.score("Let's jump over and talk about this article on small models.");
        double anecdote = ClaimCues.score("The other day I was at a meetup and my friend showed me his laptop.");
        assertTrue(reasoned > bare, reasoned + " > " + bare);
        assertTrue(bare > announced, bare + " > " + announced);
        assertTrue(bare > anecdote, bare + " > " + anecdote);
    }

    @Test
    void aListOfNamesIsNotAClaim() {
        assertTrue(ClaimCues.listLike("Kimi, Qwen, OpenCode, Cline, Cursor, Zed, and Windsurf.") > 0.5);
        assertTrue(ClaimCues.listLike("Prices fell, and then, as everyone expected, demand rose far faster than supply.") == 0);
    }
}
