package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PassageFilterTest {
    private static PassageFilter.Reason reject(String... sentences) {
        return PassageFilter.reject(java.util.Arrays.stream(sentences).map(s -> new Sentence(s, 0, null, 0, false)).toList());
    }

    @Test
    void vetoesEachKindOfNonInsight() {
        assertEquals(PassageFilter.Reason.AD, reject("Get 30% off your first box of coffee beans when you order this week at the roastery."));
        assertEquals(PassageFilter.Reason.INTRO_OUTRO, reject("Thanks for listening everyone, the next episode drops on Tuesday with a new guest from the lab."));
        assertEquals(PassageFilter.Reason.QUESTION, reject("So what do you think happens to prices when the new factory opens next spring in the valley"));
        assertEquals(PassageFilter.Reason.FILLER, reject("Yeah, um, like, yeah, okay, right, uh, I mean, totally, like, it was, you know, wow, cool stuff."));
        assertEquals(PassageFilter.Reason.UNRESOLVED_PRONOUN, reject("So they doubled the price of storage and nobody noticed for six months because billing was annual."));
    }

    @Test
    void vetoesAReplyThatLeansOnTheQuestionBeforeIt() {
        assertEquals(PassageFilter.Reason.ANSWER_FRAGMENT, reject("Not entirely, but it matters.",
                "Long unbroken stretches of sitting slow the way muscles clear sugar from the blood, even in people who exercise."));
        assertEquals(PassageFilter.Reason.ANSWER_FRAGMENT, reject("Yeah, exactly. Long unbroken stretches of sitting slow the way "
                + "muscles clear sugar from the blood, even in people who exercise every single day."));
        assertEquals(PassageFilter.Reason.ANSWER_FRAGMENT, reject("Honestly, both, depending on the size of the engine you buy.",
                "Fuel prices doubled in a year, so small cars sold out while large ones sat on the lots for months."));
        assertNull(reject("Honestly, the cheapest fix is a timer that turns the heater off overnight, since most heat is lost while nobody is home."));
        assertNull(reject("Not every battery ages the same way: cells held full for weeks lose capacity twice as fast as cells kept half charged."));
    }

    @Test
    void letsAClaimThroughEvenWhenItMentionsSubscribers() {
        assertNull(reject("Paid subscribers grew forty percent after the newsletter moved to weekly issues, because readers could finally keep up with it."));
    }
}
