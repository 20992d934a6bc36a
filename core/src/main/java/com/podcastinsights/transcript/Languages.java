package com.podcastinsights.transcript;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language a transcript is in, from its words, with the feed's declaration as the tie-breaker. Feeds
 * declare a language per show, not per episode, and often leave the default ("en-us") on a show that
 * switched; the words decide. The commonest function words of each language are a reliable fingerprint over
 * a few hundred words, and cost one pass over a sample of the text.
 */
public final class Languages {
    /** Words read, at most: enough for a confident guess, cheap on a three-hour transcript. */
    static final int SAMPLE_WORDS = 2_000;
    /** The winner's share of the function words seen, below which the text is not trusted over the feed. */
    static final double CONFIDENT_SHARE = 0.5;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "is", "are", "was", "that", "this", "with", "you", "what", "have", "it's", "of",
                    "they", "not", "but", "for", "on", "be", "we", "i", "to", "it"),
            "es", Set.of("de", "el", "la", "los", "las", "que", "y", "es", "por", "con", "una", "para", "pero", "como",
                    "más", "del", "lo", "se", "su", "muy", "esto", "está", "también", "porque"),
            "fr", Set.of("le", "les", "des", "et", "est", "une", "que", "pour", "avec", "dans", "pas", "qui", "sur",
                    "mais", "nous", "vous", "ce", "c'est", "du", "au", "très", "aussi"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "auf", "für", "aber",
                    "auch", "sich", "wir", "ich", "sie", "es", "dass", "wie", "noch", "oder"),
            "pt", Set.of("de", "o", "os", "as", "que", "não", "uma", "um", "para", "com", "mas", "isso", "também", "muito",
                    "você", "está", "são", "do", "da", "dos", "das", "porque"),
            "it", Set.of("il", "gli", "che", "non", "una", "per", "con", "sono", "anche", "perché", "questo",
                    "della", "delle", "degli", "molto", "ma", "è", "di", "nel"),
            "nl", Set.of("de", "het", "een", "en", "is", "niet", "dat", "van", "met", "voor", "maar", "ook", "zijn",
                    "wij", "ik", "je", "op", "dit", "wat"));

    private Languages() {
    }

    /**
     * The transcript's language: {@code declared} (a feed's {@code <language>}, "en-us" and the like) when the
     * words agree with it or are too few or too mixed to tell; else the ISO 639-1 code the words give; null when
     * neither says.
     */
    public static String resolve(String declared, List<Segment> segments) {
        String fromFeed = primary(declared);
        String fromText = detect(segments);
        // the feed's own tag ("en-GB") says more than the words can, when both agree on the language
        if (fromText == null || fromText.equals(fromFeed)) return fromFeed == null ? null : declared.strip();
        return fromText;
    }

    static String detect(List<Segment> segments) {
        Map<String, Integer> hits = new java.util.HashMap<>();
        int words = 0;
        int total = 0;
        outer:
        for (Segment s : segments) {
            if (s.text() == null) continue;
            Matcher m = WORD.matcher(s.text().toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (++words > SAMPLE_WORDS) break outer;
                String w = m.group();
                for (var e : FUNCTION_WORDS.entrySet()) {
                    if (e.getValue().contains(w)) {
                        hits.merge(e.getKey(), 1, Integer::sum);
                        total++;
                    }
                }
            }
        }
        if (total < 12) return null;
        var best = hits.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return best.getValue() >= CONFIDENT_SHARE * total ? best.getKey() : null;
    }

    /** "en-US" -> "en"; null or blank -> null. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) return null;
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        if (dash < 0) dash = t.indexOf('_');
        t = dash > 0 ? t.substring(0, dash) : t;
        return t.matches("[a-z]{2,3}") ? t : null;
    }
}
