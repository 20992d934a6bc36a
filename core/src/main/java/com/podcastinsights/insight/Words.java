package com.podcastinsights.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokenizing shared by splitting, filtering and scoring, so they all agree on what a word is. */
final class Words {

    /** Disfluencies and backchannel words; phrase fillers ("you know") are counted by {@link #fillerCount}. */
    static final Set<String> FILLER = Set.of("um", "uh", "erm", "er", "ah", "hmm", "mm", "mhm", "uhm", "like",
            "yeah", "yep", "okay", "ok", "oh", "totally", "basically", "literally", "laughs", "laughter", "haha",
            "ha", "wow", "cool", "right");
    static final Pattern FILLER_PHRASE = Pattern.compile("\\b(you know|i mean|kind of|sort of)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Most sentences have no phrase filler: asked first, cheaply, before counting. */
    private static final PatternSet FILLER_PHRASES = PatternSet.of(FILLER_PHRASE);

    static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to",
            "in", "on", "at", "by", "for", "with", "about", "as", "from", "into", "than", "that", "this", "these",
            "those", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
            "did", "have", "has", "had", "i", "you", "we", "they", "he", "she", "me", "us", "them", "him", "her",
            "my", "your", "our", "their", "his", "what", "which", "who", "whom", "when", "where", "why", "how",
            "not", "no", "yes", "can", "could", "would", "should", "will", "just", "very", "really", "there",
            "here", "all", "some", "any", "more", "most", "also", "too", "up", "down", "out", "over", "again",
            "one", "like", "um", "uh", "yeah", "okay", "know", "think", "mean", "kind", "sort", "lot", "thing",
            "things", "get", "got", "going", "gonna", "go", "i'm", "you're", "we're", "they're", "that's",
            "don't", "doesn't", "didn't", "isn't", "aren't", "can't", "won't", "there's", "let's", "right",
            "well", "oh", "because", "actually", "basically", "say", "said");

    /**
     * Words that are not function words but say nothing specific on their own: hedges, placeholders and
     * generic verbs ("stuff", "basically", "thinking", "gonna"). Passages made of them circle a point.
     */
    static final Set<String> VAGUE = Set.of("sorry", "always", "suppose", "stuff", "sense", "anything", "everything",
            "something", "nothing", "doing", "still", "never", "certain", "around", "getting", "start", "guys",
            "gonna", "wanna", "kinda", "dunno", "gotta", "really", "actually", "basically", "pretty", "quite", "maybe",
            "perhaps", "probably", "definitely", "obviously", "exactly", "course", "sure", "alright", "thing",
            "things", "person", "people", "someone", "anyone", "somebody", "anybody", "time", "times", "little",
            "much", "many", "good", "great", "nice", "fine", "cool", "better", "best", "same", "different",
            "whatever", "else", "even", "though", "already", "ever", "only", "back", "done", "make", "made", "take",
            "took", "give", "gave", "come", "came", "look", "looks", "looking", "looked", "seem", "seems", "seemed",
            "feel", "felt", "tell", "told", "talk", "talking", "says", "saying", "want", "wanted", "need", "needs",
            "needed", "thought", "thinking", "knew", "means", "guess", "idea", "sounds", "sound", "what's",
            "where's", "here's", "how's", "who's", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "wouldn't",
            "couldn't", "shouldn't", "they'll", "they've", "they'd", "we'd", "you'll", "you've", "he'll",
            "she'll", "it'd", "there'll", "that'll", "then", "than", "their", "while", "with", "would", "could",
            "should", "might", "must", "shall", "were", "when", "what", "where", "your", "yours");

    private Words() {
    }

    /**
     * The words of {@code text}, lower-cased, with a typographic apostrophe made straight. A word is what the
     * regex {@code [\p{L}\p{N}]+(?:['’][\p{L}]+)*%?} finds ("don't", "rock'n'roll", "40%"); it is scanned by
     * hand because every sentence is tokenized several times and the regex costs several times more in the
     * C1-only code ExtractInsights runs in ({@code WordsTest} holds the two to the same answers).
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        scan(text, (start, end) -> out.add(text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\'')));
        return out;
    }

    static int count(String text) {
        int[] count = {0};
        scan(text, (start, end) -> count[0]++);
        return count[0];
    }

    private interface WordSink {
        void word(int start, int end);
    }

    /** Each word of {@code text} by its bounds, in order: the one walk {@link #tokens} and {@link #count} share. */
    private static void scan(String text, WordSink sink) {
        int i = 0, n = text.length();
        while (i < n) {
            int end = wordEnd(text, i);
            if (end < 0) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            sink.word(i, end);
            i = end;
        }
    }

    /** The end of the word that starts at {@code i}, or -1 when none does. */
    private static int wordEnd(String text, int i) {
        int n = text.length();
        int cp = text.codePointAt(i);
        if (!isLetterOrNumber(cp)) return -1;
        i += Character.charCount(cp);
        while (i < n && isLetterOrNumber(cp = text.codePointAt(i))) i += Character.charCount(cp);
        // then any number of apostrophe-and-letters ("n't", "'s"), and a percent sign
        while (i + 1 < n && (text.charAt(i) == '\'' || text.charAt(i) == '’') && Character.isLetter(text.codePointAt(i + 1))) {
            i++;
            while (i < n && Character.isLetter(cp = text.codePointAt(i))) i += Character.charCount(cp);
        }
        if (i < n && text.charAt(i) == '%') i++;
        return i;
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a digit, letter number or other number ("²", "Ⅻ"). */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 128) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        int type = Character.getType(cp);
        return type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER
                || type >= Character.DECIMAL_DIGIT_NUMBER && type <= Character.OTHER_NUMBER;
    }

    /** Filler words plus two per filler phrase, so the count is comparable to {@link #count}. */
    static int fillerCount(String text) {
        return (int) tokens(text).stream().filter(FILLER::contains).count() + 2 * fillerPhrases(text);
    }

    /** How many phrase fillers ("you know", "I mean") the text holds. */
    static int fillerPhrases(String text) {
        if (FILLER_PHRASES.find(text) == 0) return 0;
        int n = 0;
        Matcher m = FILLER_PHRASE.matcher(text);
        while (m.find()) n++;
        return n;
    }

    /**
     * A word, its leading punctuation gone, that names something a later "it" or "the module" can refer to: a number,
     * or a capitalized word other than "I" and its contractions. Callers skip a sentence's first word, which is
     * capitalized whatever it is.
     */
    static boolean names(String word) {
        if (word.isEmpty()) return false;
        char first = word.charAt(0);
        if (Character.isDigit(first)) return true;
        return Character.isUpperCase(first) && !word.equals("I") && !word.startsWith("I'") && !word.startsWith("I’");
    }

    /** A word that carries content: not a function word, filler or vague word, and longer than three letters. */
    static boolean isContent(String token) {
        return token.length() > 3 && !STOP.contains(token) && !FILLER.contains(token) && !VAGUE.contains(token);
    }


    /** Content words, lightly stemmed so "model" and "models" count as one term. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String t : tokens(text)) {
            if (STOP.contains(t) || t.length() < 3) continue;
            out.add(stem(t));
        }
        return out;
    }

    private static String stem(String t) {
        if (t.endsWith("'s")) t = t.substring(0, t.length() - 2);
        if (t.length() > 4 && t.endsWith("ies")) return t.substring(0, t.length() - 3) + "y";
        if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss")) return t.substring(0, t.length() - 1);
        return t;
    }
}
