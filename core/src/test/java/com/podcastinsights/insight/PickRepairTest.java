package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pick is sent as a whole thought: it names what it is about, and it ends where its thought ends. */
class PickRepairTest {
    // a pick that opens on a referent it does not name is widened back, within the turn, to where it is named
    private static final String NAMES = "Harbourline is a scheduling library that the port authority open-sourced last spring.";
    private static final String REFERS = "It keeps every crane booking in one ledger, so two ships can never be promised the same berth.";
    private static final String MORE = "That alone cut the average wait outside the harbour from nine hours to three.";

    private static Sentence s(String text, int turn) {
        return new Sentence(text, 0, "Host", turn, false);
    }

    private static Candidate pick(List<Sentence> sentences, int first, int last) {
        return new Candidate(first, last, List.copyOf(sentences.subList(first, last + 1)), false, 0.5, 0.3, false);
    }

    private static Boilerplate.Marks none(int n) {
        return new Boilerplate.Marks(new BoilerplateKind[n], new boolean[n]);
    }

    @Test
    void aPickThatOpensWithItGetsTheSentenceThatNamesIt() {
        List<Sentence> sentences = List.of(s("What did you find when you looked at the ports?", 0), s(NAMES, 1), s(REFERS, 1), s(MORE, 1));
        Candidate wider = PickRepair.widened(pick(sentences, 2, 3), sentences, none(4));
        assertNotNull(wider);
        assertEquals(1, wider.first());
        assertTrue(wider.sourceText().startsWith("Harbourline is"));
    }

    @Test
    void aFragmentOpeningIsWidenedToo() {
        List<Sentence> sentences = List.of(s(NAMES, 0), s("Not for the cargo itself, but for every crane and berth booked around it.", 0), s(MORE, 0));
        assertEquals(0, PickRepair.widened(pick(sentences, 1, 2), sentences, none(3)).first());
    }

    @Test
    void notAcrossSpeakersNorIntoAReadNorWhenTheStartIsNotFound() {
        List<Sentence> otherSpeaker = List.of(s(NAMES, 0), s(REFERS, 1), s(MORE, 1));
        assertNull(PickRepair.widened(pick(otherSpeaker, 1, 2), otherSpeaker, none(3)));

        List<Sentence> read = List.of(s(NAMES, 0), s(REFERS, 0), s(MORE, 0));
        Boilerplate.Marks marks = none(3);
        marks.kinds()[0] = BoilerplateKind.SPONSOR;
        assertNull(PickRepair.widened(pick(read, 1, 2), read, marks));

        List<Sentence> allPronouns = List.of(s("They said it would never ship on time, and they were right about it.", 0),
                s("These were the same people who had built it in the first place.", 0), s(REFERS, 0), s(MORE, 0));
        assertNull(PickRepair.widened(pick(allPronouns, 2, 3), allPronouns, none(4)));
    }

    @Test
    void aPickThatNamesItsSubjectStaysAsItIs() {
        List<Sentence> sentences = List.of(s(MORE, 0), s(NAMES, 0), s(REFERS, 0));
        assertNull(PickRepair.widened(pick(sentences, 1, 2), sentences, none(3)));
    }

    @Test
    void openingsThatLeanOnWhatCameBefore() {
        for (String opening : new String[]{
                "Highly configurable, which is great because most of the warnings I get when I run it are about spacing.",
                "Per head, for example, is only twelve inspectors for every hundred ships, far below the average.",
                "Moreover, a large share of the inspectors are assigned to the airports instead of the ferries.",
                "One is for short lived jobs, think about cron tasks, which are fine, or queue workers.",
                "During the rest of the week they can rewrite it as often as they want before the review.",
                "I think that's one of the reasons the cache fills up so quickly on a busy morning.",
                "If the default version would be every time you call this function, take a lock and check the ledger."}) {
            assertTrue(PickRepair.opensOnReference(opening), opening);
        }
        for (String opening : new String[]{
                "Harbourline keeps every crane booking in one ledger, so two ships can never share a berth.",
                "When you run a cache in production, it fills up faster than any benchmark suggests.",
                "A lot of the warnings come from a single rule about line length in the style checker.",
                "Ferries carry more freight than trucks on this coast because the roads close every winter.",
                "I tell clients that most harbours overspend on cranes because they plan for the busiest day of the year."}) {
            assertFalse(PickRepair.opensOnReference(opening), opening);
        }
    }

    @Test
    void aDefiniteNounTheReaderHasNotMetIsWidenedWhenItCanBeAndKeptWhenNot() {
        String driver = "The ferry pilot knows every sandbank on the route but has no idea why the timetable changes each spring.";
        assertTrue(PickRepair.unmetDefinite(driver));
        assertFalse(PickRepair.unmetDefinite("The truth is that most timetables are written for the winter."));
        assertFalse(PickRepair.unmetDefinite("The Harbourline ledger keeps every booking in one place."));

        List<Sentence> named = List.of(s("One planner says a regional minister is a bit like a ferry pilot on a foggy night.", 0),
                s(driver, 0), s("Timetables in older ports were refined over two hundred years of trial and error.", 0));
        Candidate wider = PickRepair.repair(pick(named, 1, 2), named, none(3));
        assertEquals(0, wider.first());

        List<Sentence> alone = List.of(s(driver, 0), s("Timetables in older ports were refined over two hundred years of trial and error.", 0));
        Candidate kept = pick(alone, 0, 1);
        assertSame(kept, PickRepair.repair(kept, alone, none(2)));
    }

    @Test
    void aPickWhoseReferentCannotBeFoundIsNotRepairable() {
        List<Sentence> sentences = List.of(s("What did the port authority change last year?", 0),
                s("Highly configurable, which is great because every crane booking it holds can be moved in one step.", 1),
                s("That alone cut the average wait outside the harbour from nine hours to three.", 1));
        assertNull(PickRepair.repair(pick(sentences, 1, 2), sentences, none(3)));
    }

    @Test
    void widenedNotOntoAnAnnouncementNorAPronoun() {
        String refers = "One is for short lived jobs, think about cron tasks, which are fine, or queue workers that restart.";
        String more = "Queue workers are the better default because a crash loses one job instead of the whole batch.";
        List<Sentence> announced = List.of(s("I'm just going to run through some of the options here.", 0), s(refers, 0), s(more, 0));
        assertNull(PickRepair.widened(pick(announced, 1, 2), announced, none(3)));
        List<Sentence> pronoun = List.of(s("That's not necessarily the fastest way to schedule them.", 0), s(refers, 0), s(more, 0));
        assertNull(PickRepair.widened(pick(pronoun, 1, 2), pronoun, none(3)));
    }

    @Test
    void aLastSentenceThatBreaksOffIsCut() {
        String first = "Ledgerline is a system that lets every harbour office keep an older copy of the berth plan while the new one is drafted.";
        String second = "Then it applies the changes in order and reshapes the plan such that it's.";
        assertTrue(PickRepair.breaksOff(second));
        assertFalse(PickRepair.breaksOff("Then it applies the changes in order and nothing is lost."));
        List<Sentence> sentences = List.of(s(first, 0), s(second, 0));
        Candidate cut = PickRepair.endWhole(pick(sentences, 0, 1), sentences, none(2));
        assertNotNull(cut);
        assertEquals(0, cut.last());
    }

    @Test
    void aPromisedListIsCarriedOnAndAnAnnouncedTopicIsCut() {
        String claim = "Ferries beat trucks on this coast for most freight, and the gap has grown every year since the bridge closed.";
        String promise = "There are two reasons for that.";
        String reason = "The roads close every winter, and a ferry carries forty trucks' worth of pallets for the fuel of three.";
        List<Sentence> promised = List.of(s(claim, 0), s(promise, 0), s(reason, 0));
        Candidate carried = PickRepair.endWhole(pick(promised, 0, 1), promised, none(3));
        assertEquals(2, carried.last());

        List<Sentence> announced = List.of(s(claim, 0), s("So let's look at the ferry schedules next.", 0), s(reason, 0));
        assertEquals(0, PickRepair.endWhole(pick(announced, 0, 1), announced, none(3)).last());
    }

    @Test
    void theExtractorSendsTheNextWholeThoughtAndFallsBackWhenThereIsNone() {
        String fragment = "Highly configurable, which matters because 80 percent of the 4,000 warnings it prints are spacing, "
                + "and fixing them by hand costs a team of 12 engineers about 30 hours per release.";
        String whole = "Style checkers pay off in large teams because every rule they enforce is one argument fewer in review, "
                + "and reviews are where most of a team's waiting time goes.";
        Transcript t = new Transcript("f", "e", "en", "vtt", segments("What do you make of the new checker?", fragment,
                "And what about teams?", whole));
        List<RankedPassage> one = new InsightExtractor().rank(t, 1);
        assertEquals(1, one.size());
        assertTrue(one.get(0).sourceText().startsWith("Style checkers"), one.get(0).sourceText());
        List<RankedPassage> two = new InsightExtractor().rank(t, 2);
        assertEquals(2, two.size(), "a thin episode still sends what it has");
    }

    @Test
    void aHostSayingWhoJoinsThemIsAnIntroduction() {
        assertEquals(PassageFilter.Reason.INTRO_OUTRO,
                PassageFilter.rejectSentence("I am so glad to be joined by Mara Lind, who has run the harbour office for ten years."));
    }

    // a pick starts where a sentence starts and ends where one ends, though captions cut sentences anywhere
    @Test
    void aPickThatOpensOnTheRestOfACaptionIsWidenedToWhereItsSentenceStarts() {
        List<Sentence> sentences = List.of(s("Harbour pilots now book every berth through one shared ledger,", 0),
                s("so two ships can never be promised the same berth at the same hour of the night.", 0), s(MORE, 0));
        Candidate whole = PickRepair.repair(pick(sentences, 1, 2), sentences, none(3));
        assertNotNull(whole);
        assertEquals(0, whole.first());

        // the second half of a clause ("and how many...") whose first half cannot be joined (a question) is not sent
        List<Sentence> turnStart = List.of(s("What do the pilots think of the ledger?", 0), s("Did you ever ask the pilots who sail every night", 1),
                s("and how many pilots would go back to the radio, almost none would, which says a lot.", 1), s(MORE, 1));
        assertNull(PickRepair.repair(pick(turnStart, 2, 3), turnStart, none(4)));
    }

    @Test
    void aLastSentenceThatRunsOnIntoTheNextCaptionIsCarriedToItsEnd() {
        List<Sentence> sentences = List.of(s(NAMES, 0),
                s("It is not the largest port that sets the pace for the coast because more ferries are", 0),
                s("booked a day ahead in the small ports than in the big ones.", 0), s(MORE, 0));
        Candidate whole = PickRepair.endWhole(pick(sentences, 0, 1), sentences, none(4));
        assertNotNull(whole);
        assertEquals(2, whole.last());
    }

    @Test
    void aVerblessOpeningIsLeftOutWhenWhatFollowsStartsTheThought() {
        String claim = "Normally a harbour office keeps each of them in a different spreadsheet, so a change to one of them never reaches the others in time.";
        List<Sentence> sentences = List.of(s("Berth plans, crane slots, and then a tug rota kind of thing.", 0), s(claim, 0));
        Candidate whole = PickRepair.repair(pick(sentences, 0, 1), sentences, none(2));
        assertNotNull(whole);
        assertEquals(1, whole.first());
        assertFalse(WholeThought.fragment("Ferries beat trucks on this coast."));
        assertFalse(WholeThought.fragment("We ship every pallet by ferry now."));
    }

    @Test
    void aNounThatPointsAtWhatTheSpeakerJustBroughtInIsAReference() {
        for (String opening : new String[]{
                "The aim of the module is to keep every crane booking in one ledger for the whole port.",
                "The most commonly cited one is the ferry terminal in the north harbour, which never closes.",
                "We'll spend some time on these new berth rules when the winter timetable starts.",
                "A year after its launch, the ledger handles every booking in the port without a single clash."}) {
            assertTrue(PickRepair.opensOnReference(opening), opening);
            List<Sentence> alone = List.of(s(opening, 0), s(MORE, 0));
            assertNull(PickRepair.repair(pick(alone, 0, 1), alone, none(2)), opening);
        }
        assertFalse(PickRepair.opensOnReference("The Harbourline module keeps every crane booking in one ledger for the whole port."));
        assertFalse(PickRepair.opensOnReference("Everybody in the port agrees that a shared ledger beats a dozen spreadsheets."));
    }

    @Test
    void aDemonstrativeLaterInThePickIsWidenedOnlyOntoASentenceThatNamesIt() {
        String advice = "I'd keep the booking window short and let the ledger decide who gets the berth first.";
        String reason = "The reason I don't like that rule is that ferries arrive late all winter long.";
        List<Sentence> named = List.of(s("Portwise has a rule that every berth is booked a full week ahead of arrival.", 0),
                s(advice, 0), s(reason, 0));
        assertEquals(0, PickRepair.repair(pick(named, 1, 2), named, none(3)).first());
        List<Sentence> unnamed = List.of(s("It happens more often than you would think in a busy week at sea.", 0),
                s(advice, 0), s(reason, 0));
        assertEquals(1, PickRepair.repair(pick(unnamed, 1, 2), unnamed, none(3)).first());
    }

    @Test
    void aCountPromisedIsCarriedOnToItsSecondItem() {
        List<Sentence> sentences = List.of(s("There are two kinds of harbour masters in the big ports and the small ports.", 0),
                s("The kind who trusts the ledger books every tug a day ahead and never waits at the quay.", 0),
                s("And then there's the kind who books by radio, and those ports lose an hour at every shift change.", 0));
        Candidate whole = PickRepair.endWhole(pick(sentences, 0, 1), sentences, none(3));
        assertNotNull(whole);
        assertEquals(2, whole.last());

        List<Sentence> undelivered = List.of(sentences.get(0), sentences.get(1), s(MORE, 0));
        assertNull(PickRepair.endWhole(pick(undelivered, 0, 1), undelivered, none(3)));
    }

    private static List<Segment> segments(String... texts) {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new Segment(i * 20.0, i * 20.0 + 19, i % 2 == 0 ? "Host" : "Guest", texts[i]));
        }
        return out;
    }
}
