package com.podcastinsights.insight;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a model's rewrite may replace a passage: it must read like an insight (30-90 words, a margin around the
 * 40-70 asked for) and bring no new facts. New facts are approximated by what a model tends to invent: numbers and
 * names. Every number and every capitalized word that does not start a sentence must occur in the source passage.
 */
public final class Grounding {
    public static final int MIN_WORDS = 30;
    public static final int MAX_WORDS = 90;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’-]+");
    private static final Pattern NAME = Pattern.compile("(?<![.!?:]\\s)(?<!^)\\b\\p{Lu}[\\p{L}'’-]*");

    private Grounding() {
    }

    public static boolean grounded(String rewrite, String source) {
        if (rewrite == null || rewrite.isBlank()) return false;
        int words = count(WORD, rewrite);
        if (words < MIN_WORDS || words > MAX_WORDS) return false;
        Set<String> sourceWords = tokens(WORD, source);
        Set<String> sourceNumbers = tokens(NUMBER, source);
        for (String n : tokens(NUMBER, rewrite)) if (!sourceNumbers.contains(n)) return false;
        Matcher m = NAME.matcher(rewrite.strip());
        while (m.find()) {
            String name = m.group().toLowerCase(Locale.ROOT);
            if (!name.equals("i") && !sourceWords.contains(name)) return false;
        }
        return true;
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        Matcher m = p.matcher(s);
        while (m.find()) n++;
        return n;
    }

    private static Set<String> tokens(Pattern p, String s) {
        return p.matcher(s == null ? "" : s).results().map(r -> r.group().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
