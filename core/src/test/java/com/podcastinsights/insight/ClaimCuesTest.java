package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void aNewsItemIsNoClaimUntilItSaysWhatFollows() {
        double news = ClaimCues.score("Acme has just launched a second cloud region in Oslo.");
        double withConsequence = ClaimCues.score("Acme has launched a cloud region in Oslo, which means Nordic "
                + "customers can keep their data in the country.");
        double people = ClaimCues.score("Dana Reyes joins from the Daily Ledger as head of audio.");
        assertTrue(news < 0, "news: " + news);
        assertTrue(people < 0, "people move: " + people);
        assertTrue(withConsequence > 0, "with its consequence: " + withConsequence);
    }

    @Test
    void aTourOfFeaturesIsNoClaimUntilItGivesAReason() {
        double tour = ClaimCues.score("There's also a dark mode, and you can set your own keyboard shortcuts.");
        double reasoned = ClaimCues.score("You can set your own keyboard shortcuts, so that people who switch "
                + "editors keep the keys they already know.");
        assertTrue(tour < 0, "tour: " + tour);
        assertTrue(reasoned > 0, "reasoned: " + reasoned);
    }

    @Test
    void aSceneToldInThePastIsNoClaimButAnArgumentAboutThePastOrATeamsDecisionIs() {
        double scene = ClaimCues.score(List.of(
                ClaimCues.features("The meeting was held in a small room upstairs."),
                ClaimCues.features("The chairman asked the staff to wait outside."),
                ClaimCues.features("Two guards were standing at the door.")));
        double argued = ClaimCues.score(List.of(
                ClaimCues.features("The bank raised rates twice that year."),
                ClaimCues.features("It had no choice because prices were rising faster than wages.")));
        double decision = ClaimCues.score(List.of(
                ClaimCues.features("We decided to drop the rubber case."),
                ClaimCues.features("We agreed on two buttons for the remote.")));
        assertTrue(scene < 0, "scene: " + scene);
        assertTrue(argued > 0, "argued: " + argued);
        assertTrue(decision >= 0, "a team's decision: " + decision);
    }

    @Test
    void aListOfNamesIsNotAClaim() {
        assertTrue(ClaimCues.listLike("Kimi, Qwen, OpenCode, Cline, Cursor, Zed, and Windsurf.") > 0.5);
        assertTrue(ClaimCues.listLike("Prices fell, and then, as everyone expected, demand rose far faster than supply.") == 0);
    }
}
