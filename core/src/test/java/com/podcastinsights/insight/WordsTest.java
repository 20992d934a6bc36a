package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written word scanner finds the words the regex that defines a word finds. */
class WordsTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*%?");

    @Test
    void aNumberOrACapitalizedWordNamesSomethingButIAndItsContractionsDoNot() {
        for (String w : List.of("Harbourline", "3.13", "40%", "PyPI")) assertTrue(Words.names(w), w);
        for (String w : List.of("I", "I'm", "I’ve", "module", "it", "")) assertFalse(Words.names(w), w);
    }

    @Test
    void scansTheWordsTheDefiningRegexFinds() throws IOException {
        List<String> texts = new ArrayList<>(List.of("don't", "rock'n'roll", "it's9", "40%", "40%%", "'quoted'",
                "it’s", "x'", "x'1", "é'é", "Ⅻ²", "a\uD835\uDC00b", "\uD835\uDFCE7", "\uDC00a", "a\uD800", "ǅx",
                "l'été", "'", "", "  a  b  ", "O'Neil's", "x’’y", "½%", "_a_", "ab'\uD835\uDC00", "You KNOW, I mean, kind of", "you knowing", "sort  of"));
        texts.addAll(PatternSetTest.EDGES);
        texts.addAll(PatternSetTest.sentencesWeHold());
        for (String t : texts) {
            List<String> expected = new ArrayList<>();
            Matcher m = WORD.matcher(t);
            while (m.find()) expected.add(m.group().toLowerCase(Locale.ROOT).replace('’', '\''));
            assertEquals(expected, Words.tokens(t), t);
            assertEquals(expected.size(), Words.count(t), t);
            int phrases = 0;
            for (Matcher f = Words.FILLER_PHRASE.matcher(t); f.find(); ) phrases++;
            assertEquals(phrases, Words.fillerPhrases(t), t);
        }
    }
}
