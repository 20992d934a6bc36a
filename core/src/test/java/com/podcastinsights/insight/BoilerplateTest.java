package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each signal of {@link Boilerplate} on its own, in sentences that no other signal would catch. */
class BoilerplateTest {
    /** An ad read with no ad wording at all: only its recurrence across episodes gives it away. */
    private static final String QUIET_AD = "Lanternly keeps your research, drafts and half-finished ideas in one place "
            + "that you can search from any device you own.";
    private static final String TALK = "Smaller models answer most questions for a tenth of the price, because most "
            + "questions never needed the largest model in the first place.";

    private static List<Sentence> sentences(String... texts) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) out.add(new Sentence(texts[i], i * 20.0, "Host", 0, false));
        return out;
    }

    private static Transcript episode(String... texts) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) segments.add(new Segment(i * 20.0, i * 20.0 + 19, "Host", texts[i]));
        return new Transcript("f", "e", "en", "vtt", segments);
    }

    @Test
    void aHostsNewsOfTheirOwnBookOrEpisodeIsAPlugButABookAboutTheSubjectIsNot() {
        assertEquals(BoilerplateKind.PLUG,
                BoilerplateLexicon.kindOf("I'm still working on the testing patterns book and almost done with it."));
        assertEquals(BoilerplateKind.PLUG, BoilerplateLexicon.kindOf("We are finishing our course on databases."));
        assertEquals(BoilerplateKind.PLUG, BoilerplateLexicon.kindOf("We had them on the show, which is out in the main feed now."));
        assertEquals(BoilerplateKind.PLUG, BoilerplateLexicon.kindOf("Every trailer from today is in our new podcast, Coming Soon."));
        assertEquals(BoilerplateKind.PLUG, BoilerplateLexicon.kindOf("The full interview is on our channel."));
        assertNull(BoilerplateLexicon.kindOf("Our new policy means every team ships on its own schedule."));
        assertNull(BoilerplateLexicon.kindOf("She is writing a book about why cities grow along rivers."));
        assertNull(BoilerplateLexicon.kindOf("I'm working on the assumption that prices keep falling."));
    }

    @Test
    void whatTheShowSaidInAnEarlierEpisodeRecurs() {
        List<Sentence> today = sentences(TALK, QUIET_AD);
        assertNull(Boilerplate.mark(today, ShowHistory.NONE).kinds()[1], "no wording gives it away");

        ShowHistory history = ShowHistory.ofTranscripts(List.of(episode("Something else entirely was said then.", QUIET_AD)));
        Boilerplate.Marks marks = Boilerplate.mark(today, history);
        assertEquals(BoilerplateKind.RECURRING, marks.kinds()[1]);
        assertNull(marks.kinds()[0], "the conversation does not recur");
    }

    @Test
    void aStoredFingerprintWorksLikeTheTranscriptItCameFrom() {
        byte[] stored = ShowHistory.fingerprint(episode(QUIET_AD));
        ShowHistory history = ShowHistory.ofFingerprints(List.of(stored, "not a fingerprint".getBytes()));
        assertEquals(BoilerplateKind.RECURRING, Boilerplate.mark(sentences(TALK, QUIET_AD), history).kinds()[1]);
    }

    @Test
    void aColdOpenPlayedAgainLaterIsATeaserAndTheLaterPassageIsChosen() {
        List<String> texts = new ArrayList<>();
        texts.add(TALK);
        for (int i = 0; i < 40; i++) texts.add("Filler sentence number " + i + " about the weather in a small town.");
        texts.add(TALK);
        Boilerplate.Marks marks = Boilerplate.mark(sentences(texts.toArray(String[]::new)), ShowHistory.NONE);
        assertEquals(BoilerplateKind.TEASER, marks.kinds()[0]);
        assertNull(marks.kinds()[41]);
        assertTrue(marks.chosen()[41], "the producer chose it for the cold open");
    }

    @Test
    void anAdReadIsMarkedWhereItNamesItsBrandAndBetweenItsLines() {
        Boilerplate.Marks marks = Boilerplate.mark(sentences(TALK,
                "Head on over to Lanternly.com and try it today.",
                "Lanternly keeps every note you take in one searchable place.",
                "Writers and students have made it their favourite notebook.",
                "Use the code FRONTIER for sixty days free.",
                "Chips rented by the hour cost more than most founders expect in their first year."), ShowHistory.NONE);
        assertNull(marks.kinds()[0]);
        for (int i = 1; i <= 4; i++) assertEquals(BoilerplateKind.SPONSOR, marks.kinds()[i], "line " + i);
    }

    @Test
    void theWelcomeStartsAnIntroThatEndsWhereTheHostTurnsToTheSubject() {
        List<Sentence> s = new ArrayList<>(List.of(
                new Sentence("Our cities are hotter than the countryside around them by several degrees.", 0, "Host", 0, false),
                new Sentence("Welcome to The Compute Frontier, the show about what software really costs.", 20, "Host", 0, false),
                new Sentence("Tomas runs inference at a startup and previously built search at a bank.", 25, "Host", 0, false),
                new Sentence("Okay, so the first thing to know is that prices fell tenfold in two years.", 30, "Host", 0, true)));
        for (int i = 0; i < 30; i++) s.add(new Sentence("More talk " + i + " about the subject.", 40 + i * 20, "Guest", 1, false));
        BoilerplateKind[] kinds = Boilerplate.mark(s, ShowHistory.NONE).kinds();
        assertNull(kinds[0], "the essay before the welcome is content");
        assertEquals(BoilerplateKind.INTRO, kinds[1]);
        assertEquals(BoilerplateKind.INTRO, kinds[2], "the guest's bio, which no wording marks");
        assertNull(kinds[3]);
    }

    @Test
    void theAnswerToIntroduceYourselfIsABio() {
        List<Sentence> s = new ArrayList<>(List.of(
                new Sentence("Give people a quick introduction since you're new to a lot of them.", 100, "Host", 0, false),
                new Sentence("We are an agency that loves solving hard problems for ambitious leaders.", 105, "Guest", 1, false)));
        for (int i = 0; i < 40; i++) s.add(new Sentence("Later talk " + i + " on the subject at hand.", 200 + i * 30, "Host", 2 + i, false));
        assertEquals(BoilerplateKind.INTRO, Boilerplate.mark(s, ShowHistory.NONE).kinds()[1]);
    }

    @Test
    void afterASignOffNearTheEndEverythingIsOutro() {
        List<Sentence> s = new ArrayList<>();
        for (int i = 0; i < 40; i++) s.add(new Sentence("Talk " + i + " about the subject.", i * 30, "Host", 0, false));
        s.add(new Sentence("That's all for today, thanks for listening.", 1200, "Host", 0, false));
        s.add(new Sentence("Our engineer gets the last laugh with a joke about compilers.", 1210, "Host", 0, false));
        BoilerplateKind[] kinds = Boilerplate.mark(s, ShowHistory.NONE).kinds();
        assertEquals(BoilerplateKind.OUTRO, kinds[41]);
        assertNull(kinds[10]);
    }

    /**
     * A news show read by one voice says "the link is in our show notes" after every other item: the items between
     * two such plugs a couple of minutes apart are the show, not one long read.
     */
    @Test
    void plugsMinutesApartInOneVoiceAreNotOneRead() {
        List<Sentence> s = new ArrayList<>();
        s.add(new Sentence("Tickets are in a link you'll find in our show notes.", 600, "Host", 0, false));
        String[] news = {"The summit in Lisbon sold out in a week, twice as fast as last year.",
                "Ad revenue for audio fell four percent while video grew, which pushes shows onto cameras.",
                "A new app launched today with chapters and transcripts built in.",
                "Three networks merged their sales teams to cut costs."};
        for (int k = 0; k < news.length; k++) s.add(new Sentence(news[k], 620 + k * 25, "Host", 0, false));
        s.add(new Sentence("There's a link to that in our show notes too.", 740, "Host", 0, false));
        BoilerplateKind[] kinds = Boilerplate.mark(s, ShowHistory.NONE).kinds();
        assertEquals(BoilerplateKind.PLUG, kinds[0]);
        assertEquals(BoilerplateKind.PLUG, kinds[5]);
        for (int k = 1; k <= 4; k++) assertNull(kinds[k], s.get(k).text());

        // the same plugs within a minute: one read, and what lies between belongs to it
        List<Sentence> close = new ArrayList<>();
        for (int k = 0; k < s.size(); k++) close.add(new Sentence(s.get(k).text(), 600 + k * 8, "Host", 0, false));
        BoilerplateKind[] read = Boilerplate.mark(close, ShowHistory.NONE).kinds();
        for (int k = 1; k <= 4; k++) assertEquals(BoilerplateKind.PLUG, read[k], close.get(k).text());
    }
}
