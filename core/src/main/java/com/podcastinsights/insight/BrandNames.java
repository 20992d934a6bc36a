package com.podcastinsights.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an ad sentence is about: capitalized words that are not the sentence's first word, and the names
 * in web addresses ("Storytel.com"). Used to carry an ad mark to the rest of the read.
 */
final class BrandNames {
    private static final Pattern CAPITALIZED = Pattern.compile("(?<=\\s)(\\p{Lu}[\\p{L}\\d]{2,})");
    private static final Pattern DOMAIN = Pattern.compile("\\b([\\p{L}\\d-]{3,})\\s*(?:\\.|dot)\\s*(?:com|org|io|co|in|fm|net)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Capitalized words that are not names: pronouns, days, the commonest sentence-inner capitals. */
    private static final Set<String> COMMON = Set.of("i'm", "i've", "i'll", "the", "this", "that", "and", "but", "you",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december",
            "english", "american", "python", "google", "apple", "amazon", "youtube", "twitter");

    private BrandNames() {
    }

    static List<String> of(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = CAPITALIZED.matcher(sentence);
        while (m.find()) add(out, m.group(1));
        Matcher d = DOMAIN.matcher(sentence);
        while (d.find()) add(out, d.group(1));
        return out;
    }

    /** "IndianColors" is also said as "Indian Colors". */
    private static final Pattern CAMEL_PART = Pattern.compile("\\p{Lu}\\p{Ll}{2,}");

    private static void add(List<String> out, String name) {
        Matcher parts = CAMEL_PART.matcher(name);
        int count = 0;
        while (parts.find()) count++;
        if (count > 1) {
            parts.reset();
            while (parts.find()) addOne(out, parts.group());
        }
        addOne(out, name);
    }

    private static void addOne(List<String> out, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!COMMON.contains(n) && !out.contains(n)) out.add(n);
    }

    static boolean mentionsAny(String sentence, List<String> names) {
        List<String> tokens = Words.tokens(sentence);
        for (String n : names) if (tokens.contains(n)) return true;
        return false;
    }
}
