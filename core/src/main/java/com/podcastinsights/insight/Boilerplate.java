package com.podcastinsights.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the sentences of one episode that are not its conversation (see {@link BoilerplateKind}), from four
 * signals, strongest first:
 * <ol>
 *   <li>recurrence: most of the sentence's shingles were said in the show's earlier episodes;</li>
 *   <li>repetition inside the episode: a clip in the opening minutes that is played again later is a cold-open
 *   teaser, and the later passage is one the producer chose ({@link Marks#chosen});</li>
 *   <li>wording ({@link BoilerplateLexicon});</li>
 *   <li>position: from the show's welcome to the end of that speaker's turn (or a change of topic, or about 100
 *   seconds) is the intro (the guest's bio, the episode summary), and after a sign-off near the end everything
 *   is outro.</li>
 * </ol>
 * Ad reads run over several sentences of which only some name the sponsor, so marks then spread: to the
 * sentences of the same turn that name the same brand, and across short unmarked gaps between two marks.
 */
final class Boilerplate {
    /** Share of a sentence's shingles found in earlier episodes (or later in this one) that makes it recur. */
    static final double RECURRING_SHARE = 0.5;
    /** Openings: a teaser or a welcome is looked for in this first share of the episode, and at most this long. */
    static final double OPENING_SHARE = 0.15;
    static final double OPENING_MAX_SECONDS = 600;
    /** An intro runs from the welcome to the end of its turn, but no further than this. */
    static final double INTRO_MAX_SECONDS = 360;
    /** The same in words (about 100 s of speech), for transcripts without timing. */
    static final int INTRO_MAX_WORDS = 250;
    /** Sign-offs are looked for in this last share of the episode. */
    static final double CLOSING_SHARE = 0.08;
    /** Unmarked sentences between two marks of one turn, at most, that are taken as part of the same read. */
    static final int GAP = 3;
    /** The same, between two ad or plug marks: a read names its brand at the start and again at the end. */
    static final int READ_GAP = 10;
    /** ... and at most this long, where the transcript has timing. */
    static final double READ_GAP_SECONDS = 60;
    /** How far (in sentences of the same turn) an ad's brand name carries the mark. */
    static final int BRAND_REACH = 6;
    /** Two marketing phrases this close (in sentences of one turn) make both sentences copy. */
    static final int PROMO_REACH = 2;

    record Marks(BoilerplateKind[] kinds, boolean[] chosen) {
        boolean marked(int i) {
            return kinds[i] != null;
        }
    }

    private Boilerplate() {
    }

    static Marks mark(List<Sentence> sentences, ShowHistory history) {
        return mark(sentences, history, null);
    }

    /** {@code language}: the transcript's (ISO 639-1 or a tag such as "es-ES"; null if unknown), whose wording is added. */
    static Marks mark(List<Sentence> sentences, ShowHistory history, String language) {
        int n = sentences.size();
        BoilerplateKind[] kinds = new BoilerplateKind[n];
        boolean[] chosen = new boolean[n];
        if (n == 0) return new Marks(kinds, chosen);
        int[][] shingles = new int[n][];
        for (int i = 0; i < n; i++) shingles[i] = Shingles.of(sentences.get(i).text());
        double end = sentences.get(n - 1).startSeconds();
        double openingEnd = Math.min(OPENING_MAX_SECONDS, end * OPENING_SHARE);

        if (!history.isEmpty()) {
            for (int i = 0; i < n; i++) if (recurs(shingles[i], history)) kinds[i] = BoilerplateKind.RECURRING;
        }
        teasers(sentences, shingles, openingEnd, kinds, chosen);
        boolean[] copy = ReadCues.promoCopy(sentences, PROMO_REACH);
        for (int i = 0; i < n; i++) {
            if (kinds[i] == null) kinds[i] = BoilerplateLexicon.kindOf(sentences.get(i).text());
            if (kinds[i] == null && copy[i]) kinds[i] = BoilerplateKind.SPONSOR;
            if (kinds[i] == null) kinds[i] = ReadCues.kindOf(sentences.get(i).text(), language);
        }
        intro(sentences, openingEnd, kinds, language);
        promptedAnswers(sentences, openingEnd, kinds);
        outro(sentences, end, kinds);
        brands(sentences, kinds);
        gaps(sentences, kinds);
        return new Marks(kinds, chosen);
    }

    private static boolean recurs(int[] shingles, ShowHistory history) {
        if (shingles.length == 0) return false;
        int seen = 0;
        for (int h : shingles) if (history.recurrence(h) > 0) seen++;
        return seen >= 2 && seen >= RECURRING_SHARE * shingles.length;
    }

    /** Opening sentences whose words come back later in the episode: the cold open, and what it previews. */
    private static void teasers(List<Sentence> sentences, int[][] shingles, double openingEnd,
                                BoilerplateKind[] kinds, boolean[] chosen) {
        Map<Integer, Integer> lastAt = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) for (int h : shingles[i]) lastAt.put(h, i);
        for (int i = 0; i < sentences.size() && sentences.get(i).startSeconds() < openingEnd; i++) {
            if (shingles[i].length == 0) continue;
            int later = 0;
            int where = -1;
            for (int h : shingles[i]) {
                int at = lastAt.get(h);
                if (at > i && sentences.get(at).startSeconds() >= openingEnd) {
                    later++;
                    where = at;
                }
            }
            if (later >= 2 && later >= RECURRING_SHARE * shingles[i].length) {
                kinds[i] = BoilerplateKind.TEASER;
                chosen[where] = true;
            }
        }
    }

    /** From the show's welcome, in the opening, to the end of that speaker's turn. */
    private static void intro(List<Sentence> sentences, double openingEnd, BoilerplateKind[] kinds, String language) {
        for (int i = 0; i < sentences.size() && sentences.get(i).startSeconds() < openingEnd; i++) {
            String text = sentences.get(i).text();
            if (!BoilerplateLexicon.opensShow(text) && !ReadCues.opensShow(text, language)) continue;
            double limit = sentences.get(i).startSeconds() + INTRO_MAX_SECONDS;
            int turn = sentences.get(i).turn();
            int words = 0;
            for (int k = i; k < sentences.size() && sentences.get(k).turn() == turn
                    && sentences.get(k).startSeconds() <= limit && words <= INTRO_MAX_WORDS; k++) {
                // "Okay, so the first thing..." is where a host who runs on without a break gets to the subject
                if (k > i && sentences.get(k).topicShift()) break;
                if (kinds[k] == null) kinds[k] = BoilerplateKind.INTRO;
                words += sentences.get(k).words();
            }
            return;
        }
    }

    /**
     * A turn that answers a prompt for boilerplate: "give people a quick introduction" (in the opening) gets the
     * guest's bio, "where can people find your work?" gets the plug that is part of the outro.
     */
    private static void promptedAnswers(List<Sentence> sentences, double openingEnd, BoilerplateKind[] kinds) {
        for (int i = 0; i + 1 < sentences.size(); i++) {
            String text = sentences.get(i).text();
            BoilerplateKind kind = sentences.get(i).startSeconds() < openingEnd && BoilerplateLexicon.asksForIntroduction(text)
                    ? BoilerplateKind.INTRO : BoilerplateLexicon.asksWhereToFind(text) ? BoilerplateKind.OUTRO : null;
            if (kind == null) continue;
            int k = i + 1;
            while (k < sentences.size() && sentences.get(k).turn() == sentences.get(i).turn()) k++;
            if (k >= sentences.size()) return;
            // the bio is the next turn; a bare acknowledgement ("Sure.") may come as a turn of its own first
            for (int turns = 0; turns < 2 && k < sentences.size(); turns++) {
                int t = sentences.get(k).turn();
                int words = 0;
                for (; k < sentences.size() && sentences.get(k).turn() == t; k++) {
                    if (kinds[k] == null) kinds[k] = kind;
                    words += sentences.get(k).words();
                }
                if (words > 8) break;
            }
        }
    }

    /** After a sign-off near the end, the rest is thanks and goodbyes. */
    private static void outro(List<Sentence> sentences, double end, BoilerplateKind[] kinds) {
        double from = end * (1 - CLOSING_SHARE);
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).startSeconds() < from || !BoilerplateLexicon.closesShow(sentences.get(i).text())) continue;
            for (int k = i; k < sentences.size(); k++) if (kinds[k] == null) kinds[k] = BoilerplateKind.OUTRO;
            return;
        }
    }

    /** An ad read names its brand in sentences that carry no ad wording ("Storytel has a massive range..."). */
    private static void brands(List<Sentence> sentences, BoilerplateKind[] kinds) {
        BoilerplateKind[] before = kinds.clone();
        for (int i = 0; i < sentences.size(); i++) {
            if (before[i] != BoilerplateKind.SPONSOR && before[i] != BoilerplateKind.PLUG) continue;
            List<String> names = BrandNames.of(sentences.get(i).text());
            if (names.isEmpty()) continue;
            int turn = sentences.get(i).turn();
            for (int k = Math.max(0, i - BRAND_REACH); k < Math.min(sentences.size(), i + BRAND_REACH + 1); k++) {
                if (kinds[k] != null || sentences.get(k).turn() != turn) continue;
                if (BrandNames.mentionsAny(sentences.get(k).text(), names)) kinds[k] = before[i];
            }
        }
    }

    /**
     * A short unmarked stretch between two marks of one speaker's turn belongs to the same read; between an ad
     * or plug and another, or the break announcement before it, the stretch may be longer: a read names its
     * brand at the start and the end, and the break runs from its announcement to the read's last line.
     */
    private static void gaps(List<Sentence> sentences, BoilerplateKind[] kinds) {
        int last = -1;
        for (int i = 0; i < sentences.size(); i++) {
            if (kinds[i] == null) continue;
            if (last >= 0 && i - last > 1 && sameTurn(sentences, last, i)) {
                BoilerplateKind fill = isRead(kinds[i]) ? kinds[i] : kinds[last];
                boolean read = isRead(kinds[i]) && (isRead(kinds[last]) || kinds[last] == BoilerplateKind.HOUSEKEEPING)
                        || isRead(kinds[last]) && kinds[i] == BoilerplateKind.HOUSEKEEPING;
                // a read runs a minute or so: a longer stretch between two plugs of one voice (a news show read by
                // one host, with "link in the show notes" after every other item) is the show between them
                boolean within = read && sentences.get(i).startSeconds() - sentences.get(last).startSeconds() <= READ_GAP_SECONDS;
                if (i - last - 1 <= (within ? READ_GAP : GAP)) for (int k = last + 1; k < i; k++) kinds[k] = fill;
            }
            last = i;
        }
    }

    private static boolean isRead(BoilerplateKind kind) {
        return kind == BoilerplateKind.SPONSOR || kind == BoilerplateKind.PLUG;
    }

    private static boolean sameTurn(List<Sentence> sentences, int a, int b) {
        return sentences.get(a).turn() == sentences.get(b).turn();
    }
}
