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
}
