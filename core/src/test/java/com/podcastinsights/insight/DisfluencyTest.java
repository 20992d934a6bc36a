package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The repairs {@link Disfluency} adds to {@link TextCleaner}, each with a case where it must not fire. */
class DisfluencyTest {
    @Test
    void dropsInterjectionsInsideATurn() {
        assertEquals("The parser is strict. Strings, which are validated before they are stored.",
                TextCleaner.clean("The parser is strict. Yep, strings, which are validated before they are stored."));
        assertEquals("To me, it happens on every release.",
                TextCleaner.clean("To me, it was yeah, it happens on every release."));
    }

    @Test
    void dropsASelfCorrectingActuallyAndAnAppealOpeningASentence() {
        assertEquals("Use a dict for small records. Probably a data class first, then a tuple.",
                TextCleaner.clean("Use a dict for small records. Actually, probably a data class first, then a tuple."));
        assertEquals("One lesson of public finance is that most taxes distort prices.",
                TextCleaner.clean("You see, one lesson of public finance is that most taxes distort prices."));
        assertEquals("The numbers were actually higher than the vendor said.",
                TextCleaner.clean("The numbers were actually higher than the vendor said."), "\"actually\" inside a clause is kept");
    }

    @Test
    void dropsIMeanAndYouKnowBeforeANewClauseButNotAsVerbs() {
        assertEquals("The build is slow, and we never cache the wheels.",
                TextCleaner.clean("The build is slow, and I mean we never cache the wheels."));
        assertEquals("The build is slow, but it's the tests that take the time.",
                TextCleaner.clean("The build is slow, but you know it's the tests that take the time."));
        assertEquals("When I say the budget is fixed, I mean it.", TextCleaner.clean("When I say the budget is fixed, I mean it."));
        assertEquals("Everyone in the room knows you know the answer.",
                TextCleaner.clean("Everyone in the room knows you know the answer."));
    }

    @Test
    void dropsVagueExtendersAndAnAssentTag() {
        assertEquals("The tool reads the lock file, the requirements file.",
                TextCleaner.clean("The tool reads the lock file, the requirements file or whatever."));
        assertEquals("Large projects have a hundred packages with dependencies across them. That is why workspaces exist.",
                TextCleaner.clean("Large projects have a hundred packages with dependencies across them and stuff. That is why workspaces exist and so on."));
        assertEquals("A city is only built once.", TextCleaner.clean("A city is only built once okay?"));
        assertEquals("You can do whatever you want with the data and stuff it into a queue.",
                TextCleaner.clean("You can do whatever you want with the data and stuff it into a queue."), "not at a phrase's end");
    }

    @Test
    void dropsLikeAndSayAsHedgesBeforeAQuantityOrNoun() {
        assertEquals("There were 40 people in the room.", TextCleaner.clean("There were like 40 people in the room."));
        assertEquals("It was like a dream.", TextCleaner.clean("It was like a dream."), "a simile");
        assertEquals("We carry a range of rare diseases.", TextCleaner.clean("We carry a range of say rare diseases."));
        assertEquals("I have to say rare diseases are underfunded.",
                TextCleaner.clean("I have to say rare diseases are underfunded."), "\"say\" as a verb");
    }

    @Test
    void repairsARightTagAndAnAsideAfterAnArticle() {
        assertEquals("The state is the biggest litigant anywhere, because it is party to every criminal case.",
                TextCleaner.clean("The state is the biggest litigant, right anywhere, because it is party to every criminal case."));
        assertEquals("Those are the creature comforts the new tools bring.",
                TextCleaner.clean("Those are the, again, creature comforts the new tools bring."));
        assertEquals("The office is on the left, right next to the kitchen.",
                TextCleaner.clean("The office is on the left, right next to the kitchen."), "\"right\" modifying \"next to\"");
        assertEquals("Let's take a look at the numbers.", TextCleaner.clean("Let's, take a look at the numbers."));
    }

    @Test
    void dropsRestartsOfAPronounAPrepositionAndAPhrase() {
        assertEquals("The point is that it isn't a book for beginners.",
                TextCleaner.clean("The point is that it's not, it isn't, it, isn't a book for beginners."));
        assertEquals("The price peaked at 600. It fell below 150 by October.",
                TextCleaner.clean("The price peaked at 600. It's currently, it fell below 150 by October."));
        assertEquals("The region has farmed rice for more than 2000 years.",
                TextCleaner.clean("The region has farmed rice for many for more than 2000 years."));
        assertEquals("I think a lot of my work, including this book, is pointing people somewhere new.",
                TextCleaner.clean("I think a lot of my work is just in general, a lot of my work, including this book, is pointing people somewhere new."));
        assertEquals("We are going through an advertising downturn that is existential.",
                TextCleaner.clean("We are going through I don't know about you, I have heard it from others. We are going through an advertising downturn that is existential."));
    }

    @Test
    void keepsParallelClausesThatRepeatTheirOpening() {
        String parallel = "It's fast, it's cheap, and it was the best of times, it was the worst of times.";
        assertEquals(parallel, TextCleaner.clean(parallel));
        String conditional = "If it's not, it's a bug in the parser.";
        assertEquals(conditional, TextCleaner.clean(conditional));
        String twoSentences = "We need more tests for the parser. We need more docs for the CLI.";
        assertEquals(twoSentences, TextCleaner.clean(twoSentences));
        String listens = "We listen to you, and then we listen to the people who build it.";
        assertEquals(listens, TextCleaner.clean(listens));
    }

    @Test
    void dropsACutOffWordButNotAShortWordBeforeALongerOne() {
        assertEquals("He is now seemingly in charge of everything.",
                TextCleaner.clean("He is now se seemingly in charge of everything."));
        assertEquals("We were in inside sales, a about-face for us.",
                TextCleaner.clean("We were in inside sales, a about-face for us."));
        assertEquals("Install it with -r requirements.txt.", TextCleaner.clean("Install it with -r requirements.txt."));
    }

    @Test
    void turnsSpokenQuoteMarksIntoQuotationMarks() {
        assertEquals("You write in your paper: \"we found three traits of the elite.\" That is the claim.",
                TextCleaner.clean("You write in your paper, quote, we found three traits of the elite, stop quote. That is the claim."));
        assertEquals("Banks rolled the loans over and so kept them from turning bad.",
                TextCleaner.clean("Banks rolled the loans over and so kept them from turning bad, end quote."));
        assertEquals("Let me read you a quote from the report.", TextCleaner.clean("Let me read you a quote from the report."));
    }

    @Test
    void cutsAFinalClauseThatTrailsOff() {
        assertEquals("The migration tool changes the schema of every copy of the database.",
                TextCleaner.clean("The migration tool changes the schema of every copy of the database such that it's."));
        assertEquals("Caching works because the hot set is small. Most reads never reach the disk.",
                TextCleaner.clean("Caching works because the hot set is small. Most reads never reach the disk. And the."));
        assertEquals("That is what you should do.", TextCleaner.clean("That is what you should do."), "a final \"do\" waits for nothing");
    }

    @Test
    void countsWhatRepairLeavesBroken() {
        assertEquals(0, Disfluency.residue("Caching works because the hot set is small, so most reads never reach the disk."));
        assertEquals(1, Disfluency.residue("The worker dies before the report is written. It just like stops."));
        assertEquals(1, Disfluency.residue("The index is the largest directory. It's were four million feeds."));
        assertEquals(1, Disfluency.residue("Take a quick look at, people news."));
        assertEquals(0, Disfluency.residue("It looks like rain, and I like it."), "\"like\" as a verb or a preposition");
        String runOn = "the team is supporting this and we are going to do it moving forward and what that means is that people "
                + "can depend on a free threaded version and change their code accordingly if necessary which is great for web services "
                + "and for a lot of the async work people do";
        assertEquals(1, Disfluency.residue(runOn));
    }

    @Test
    void dropsHeyOpeningWhatIsSaidOrQuoted() {
        assertEquals("The maintainer announced, the stats site is back online.",
                TextCleaner.clean("The maintainer announced, hey, the stats site is back online."));
        assertEquals("Let's open the database.", TextCleaner.clean("Hey, let's open the database."));
        assertEquals("Say hey to the team for me.", TextCleaner.clean("Say hey to the team for me."));
    }

    @Test
    void dropsAVagueAllThatStuffSetOffByCommas() {
        assertEquals("Some teams loathe compiler warnings, runtime warnings, and fix them at once.",
                TextCleaner.clean("Some teams loathe compiler warnings, runtime warnings, all that kind of stuff, and fix them at once."));
        assertEquals("We removed all that stuff.", TextCleaner.clean("We removed all that stuff."));
    }

    @Test
    void dropsAnAsidePointingAtTheShowsOwnTalk() {
        assertEquals("Free riding reminds me of a book by two economists. Their point is simple.",
                TextCleaner.clean("Free riding reminds me of a book by two economists, and we had a chat about it. Their point is simple."));
        assertEquals("We had a chat about it and decided to rewrite the parser.",
                TextCleaner.clean("We had a chat about it and decided to rewrite the parser."));
    }

    @Test
    void repairsAContractedIsBeforeAnAgreeingVerb() {
        assertEquals("The module cares about correctness. It therefore goes beyond the standard wrappers.",
                TextCleaner.clean("The module cares about correctness. It's therefore goes beyond the standard wrappers."));
        assertEquals("It's always the same story, and it's clear the plan depends on funding.",
                TextCleaner.clean("It's always the same story, and it's clear the plan depends on funding."));
    }

    @Test
    void dropsACommaBetweenAPrepositionAndItsNumberAndAThanksToACoHost() {
        assertEquals("India spends on government about what the United States spent in 1920.",
                TextCleaner.clean("India spends on government about what the United States spent in, 1920."));
        assertEquals("In 2019, 40 people came.", TextCleaner.clean("In 2019, 40 people came."));
        assertEquals("The budget is what Britain spent in 1950.", TextCleaner.clean("The budget is what Britain spent in, like, 1950."));
        assertEquals("The index is back online. It covers every show.",
                TextCleaner.clean("The index is back online. Thanks, Michael. It covers every show."));
        assertEquals("Thanks to the foundation for the grant, the index is back.",
                TextCleaner.clean("Thanks to the foundation for the grant, the index is back."));
    }
}
