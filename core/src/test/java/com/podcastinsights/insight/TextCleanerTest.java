package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextCleanerTest {
    @Test
    void dropsHesitationsStuttersAndParentheticalYouKnow() {
        assertEquals("Caching works because the hot set is small.",
                TextCleaner.clean("Um, caching works because uh the the hot set is, you know, small."));
    }

    @Test
    void dropsAnOpeningConjunctionAndCapitalizes() {
        assertEquals("Most teams measure the wrong thing.", TextCleaner.clean("so, and most teams measure the wrong thing"));
    }

    @Test
    void keepsMeaningfulWords() {
        assertEquals("You know the answer is in the logs, and I had had enough.",
                TextCleaner.clean("you know the answer is in the logs, and i had had enough."));
    }

    @Test
    void collapsesHyphenatedStutters() {
        assertEquals("I think the queue is the bottleneck.", TextCleaner.clean("I- I think the queue is the bottleneck."));
    }

    @Test
    void dropsBackchannelsWholeAndCapitalizesASentenceThatLostItsHesitation() {
        assertEquals("We aim to make fifty million. So we sell it internationally.",
                TextCleaner.clean("We aim to make fifty million. Um so we sell it internationally, uh-huh."));
        assertEquals("The case is yellow.", TextCleaner.clean("Mm-hmm. The case is yellow."));
    }

    @Test
    void dropsDiscourseFillersButKeepsTheWordsWhereTheyCarryMeaning() {
        assertEquals("It had a phishing domain, and there's a couple of methods.",
                TextCleaner.clean("It had like a phishing domain, and there's like a couple of methods."));
        assertEquals("It's been Postgres and Mongo as the top two, and it is a core layer.",
                TextCleaner.clean("It's been Postgres and Mongo as sort of the top two, and it basically is kind of a core layer."));
        assertEquals("Judges have to enforce the rules, whatever the state has legislated.",
                TextCleaner.clean("Judges have to enforce the rules, right, whatever the state has legislated."));
        assertEquals("It is fragile, like a house of cards. Languages like Python are a kind of tool.",
                TextCleaner.clean("It is fragile, like a house of cards. Languages like Python are a kind of tool."));
    }

    @Test
    void dropsAbandonedStartsRestartsAndRepeatedPhrases() {
        assertEquals("It's not a whole bunch of rules.", TextCleaner.clean("I do like the, it's not a whole bunch of rules."));
        assertEquals("We catch it in tests, but maybe you don't have tests.",
                TextCleaner.clean("We catch it in tests, but hopefully, but maybe you don't have tests."));
        assertEquals("Some issues that have been deprecated since 2019.",
                TextCleaner.clean("Some issues that were that have been deprecated since 2019."));
        assertEquals("Credit grew more than three times the GDP, et cetera.",
                TextCleaner.clean("Credit grew more than three times or three times the GDP, et cetera, et cetera."));
        assertEquals("The answer is, of course, no. We have antibodies, we have B cells.",
                TextCleaner.clean("The answer is, of course, no. We have antibodies, we have B cells."));
    }

    @Test
    void endsARunOnPieceWhereTheNextOneOpensAClause() {
        assertEquals("The cache was cold for an hour. The fix was a warm-up step.",
                TextCleaner.clean(java.util.List.of("the cache was cold for an hour", "so, the fix was a warm-up step")));
        assertEquals("The implementation is now complete.",
                TextCleaner.clean(java.util.List.of("the implementation is", "now complete.")));
    }

    @Test
    void dropsLikeWhereNoVerbOrPrepositionCanStand() {
        assertEquals("I wrote a follow-up for doing that in production, and there's setup tools related stuff.",
                TextCleaner.clean("I wrote a follow-up for like doing that in production, and there's like setup tools related stuff."));
        assertEquals("I use it as the default editor. You pay a 35 times penalty.",
                TextCleaner.clean("I use it as like the default editor. You pay a like a 35 times penalty."));
        assertEquals("It is a club for like-minded people, and I would like to join.",
                TextCleaner.clean("It is a club for like-minded people, and I would like to join."), "a word and a verb");
    }

    @Test
    void dropsLikeBetweenASubjectPronounAndItsVerb() {
        assertEquals("The worker dies early, and it just stops.", TextCleaner.clean("The worker dies early, and it just like stops."));
        assertEquals("When the window is narrow, it has weird breaks.",
                TextCleaner.clean("When the window is narrow, it like has weird breaks."));
        assertEquals("Treat it like a child, and it behaves.", TextCleaner.clean("Treat it like a child, and it behaves."),
                "\"it\" as an object");
    }

    @Test
    void dropsAWordCorrectedWithLike() {
        assertEquals("There are notes about the newer and older resolvers.",
                TextCleaner.clean("There are notes about the older, like newer and older resolvers."));
        assertEquals("The model is fast, like a rocket.", TextCleaner.clean("The model is fast, like a rocket."), "a simile");
        assertEquals("Speed, like how users feel about speed, matters most.",
                TextCleaner.clean("Speed, like how users feel about speed, matters most."), "an explanation, not a correction");
        assertEquals("We think about the design of, like different kinds of remotes.",
                TextCleaner.clean("We think about the design of, like different kinds of remotes."), "a function word recurs by itself");
    }

    @Test
    void dropsASentenceOpeningLikeThatComparesWithNothing() {
        assertEquals("Make it a module variable. Modules can behave the same way classes do.",
                TextCleaner.clean("Make it a module variable. Like modules can behave the same way classes do."));
        assertEquals("Like most languages, Python has a garbage collector.",
                TextCleaner.clean("Like most languages, Python has a garbage collector."), "a comparison set off by its comma");
        assertEquals("Like my father I never trusted banks.", TextCleaner.clean("Like my father I never trusted banks."),
                "a second subject shows the comparison");
        assertEquals("Like this one.", TextCleaner.clean("Like this one."));
    }

    @Test
    void dropsOhOpeningASentenceButNotOhNo() {
        assertEquals("Free riding reminds me of a book I read.", TextCleaner.clean("Oh, free riding reminds me of a book I read."));
        assertEquals("The build broke. That explains the queue.", TextCleaner.clean("The build broke. Oh, that explains the queue."));
        assertEquals("Oh no, the build broke again.", TextCleaner.clean("Oh no, the build broke again."));
    }

    @Test
    void keepsAFrameWhoseClauseFollowsTheComma() {
        assertEquals("The problem is, nobody reads the release notes.", TextCleaner.clean("The problem is, nobody reads the release notes."));
        assertEquals("We shipped it, and the other thing is, the cache never expires.",
                TextCleaner.clean("We shipped it, and the other thing is, the cache never expires."));
        assertEquals("The cache is fine.", TextCleaner.clean("The cache is, the cache is fine."), "a subject said twice is still a restart");
    }
}
