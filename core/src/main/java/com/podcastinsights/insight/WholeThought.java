package com.podcastinsights.insight;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sentence says about where a thought starts and ends, read the way a listener hears it: a piece that
 * carries on the one before it (machine captions cut a sentence wherever the caption ends), a verbless fragment
 * (a list tail, a heading read out), a noun phrase that points back ("the module", "the most cited one", "that
 * rule"), "also" said of something the reader has not heard, and a count promised ("two types") whose second
 * item never comes. {@link PickRepair} decides what to do about them.
 */
final class WholeThought {
    private WholeThought() {
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    static final Pattern LEADING = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING = Pattern.compile("[^\\p{L}']+$");

    /** A stop, possibly inside a closing quote or bracket: the sentence is finished. */
    private static final Pattern ENDS = Pattern.compile("[.!?…][\"'”’)\\]]*$");
    /** A comma, colon, semicolon or dash at the end: the speaker carried on into the next piece. */
    private static final Pattern OPEN_END = Pattern.compile("[,;:\\-–—]$");

    static boolean endsSentence(String sentence) {
        return ENDS.matcher(sentence.strip()).find();
    }

    /**
     * {@code next} carries on {@code previous} rather than starting a sentence: the previous piece has no stop and
     * either ends on a comma or dash, or the next opens in lower case ("...the lead investor because what's
     * beginning" / "to happen is that...").
     */
    static boolean continues(String previous, String next) {
        String p = previous.strip();
        if (p.isEmpty() || endsSentence(p)) return false;
        return endsOpen(p) || startsLowerCase(next);
    }

    /** "and how many people...", "because they're no longer...": the second half of a clause whose first is missing. */
    private static final Pattern CONJUNCTION = Pattern.compile("(?i)^[^\\p{L}]*(?:and|or|but|because|which|who|whose|that|where)\\b");

    static boolean opensOnConjunction(String piece) {
        return CONJUNCTION.matcher(piece).find();
    }

    /** The piece ends on a comma or dash: what follows is the rest of its sentence, not a new one. */
    static boolean endsOpen(String piece) {
        return OPEN_END.matcher(piece.strip()).find();
    }

    /** The text names something: a capitalized word (not "I" nor a sentence's first word) or a number. */
    static boolean names(String text) {
        boolean sentenceStart = true;
        for (String word : SPACES.split(text.strip())) {
            String w = LEADING.matcher(word).replaceFirst("");
            if (w.isEmpty()) continue;
            boolean first = sentenceStart;
            sentenceStart = ENDS.matcher(word).find();
            if (Words.names(w) && (!first || Character.isDigit(w.charAt(0)))) return true;
        }
        return false;
    }

    private static boolean startsLowerCase(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            char ch = sentence.charAt(i);
            if (Character.isLetter(ch)) return Character.isLowerCase(ch);
            if (Character.isDigit(ch)) return false;
        }
        return false;
    }

    /**
     * Words that make a clause: a verb form a sentence cannot do without (auxiliaries, modals, contractions) or one
     * of the common lexical verbs. A sentence with none is a fragment: "More controls for the ferry types.",
     * "Harbourline, Portwise, and then a booking ledger type of thing."
     */
    private static final Set<String> VERBS = Set.of("is", "are", "was", "were", "be", "been", "am", "do", "does",
            "did", "have", "has", "had", "can", "could", "will", "would", "should", "may", "might", "must", "shall",
            "get", "gets", "got", "go", "goes", "went", "make", "makes", "made", "take", "takes", "took", "give",
            "gives", "gave", "know", "knows", "knew", "think", "thinks", "thought", "say", "says", "see", "sees",
            "saw", "use", "uses", "need", "needs", "want", "wants", "work", "works", "run", "runs", "ran", "come",
            "comes", "came", "keep", "keeps", "kept", "let", "lets", "show", "shows", "mean", "means", "help",
            "helps", "allow", "allows", "start", "starts", "seem", "seems", "feel", "feels", "felt", "try", "tries",
            "call", "calls", "tell", "tells", "told", "put", "puts", "find", "finds", "found", "become", "becomes",
            "became", "bring", "brings", "brought", "pay", "pays", "paid", "cost", "costs", "lose", "loses", "lost",
            "win", "wins", "won", "grow", "grows", "grew", "happen", "happens", "matter", "matters", "change",
            "changes", "build", "builds", "built", "write", "writes", "wrote", "read", "reads", "add", "adds",
            "support", "supports", "provide", "provides", "include", "includes", "create", "creates", "require",
            "requires", "depend", "depends", "believe", "believes", "look", "looks", "like", "likes", "love",
            "loves", "hate", "hates", "leave", "leaves", "left", "live", "lives", "turn", "turns", "stop", "stops",
            "sell", "sells", "sold", "buy", "buys", "bought", "spend", "spends", "spent", "fall", "falls", "fell",
            "rise", "rises", "rose", "drop", "drops", "fix", "fixes", "break", "breaks", "broke", "lead", "leads",
            "led", "hold", "holds", "held", "save", "saves", "send", "sends", "sent", "set", "sets", "ship", "ships",
            "beat", "beats", "plays", "play", "hit", "hits", "remember", "forget", "understand", "agree", "guess",
            "wish", "hope", "care", "cares", "exist", "exists", "owns", "own");
    private static final Pattern CONTRACTED = Pattern.compile("(?i)[\\p{L}](?:'|’)(?:s|re|m|ve|ll|d|t)$");
    /** Fragments are short: a longer stretch with no verb we know is likelier a verb we do not know. */
    static final int FRAGMENT_MAX_WORDS = 12;

    static boolean fragment(String sentence) {
        List<String> words = Words.tokens(sentence);
        if (words.isEmpty() || words.size() > FRAGMENT_MAX_WORDS) return false;
        for (String w : words) {
            if (VERBS.contains(w) || CONTRACTED.matcher(w).find() || w.endsWith("n't")) return false;
            if (w.length() > 4 && w.endsWith("ed")) return false;
            if (SUBJECTS.contains(w)) return false;
        }
        return true;
    }

    /** A subject pronoun makes a clause even when its verb is one we do not list ("we ship", "they rewrote"). */
    private static final Set<String> SUBJECTS = Set.of("i", "you", "we", "they", "he", "she");

    /**
     * Nouns that, with "the", point at one particular thing the speaker just brought in ("the module", "the
     * publisher", "the survey"): said first in a pick, the reader has not met it. Not the generic ones ("the
     * government", "the market"), which {@link PickRepair} leaves alone.
     */
    private static final Pattern POINTING_NOUN = Pattern.compile(
            "(?i)\\bthe\\s+(?:(?:new|old|older|newer|latest|original|other|same|whole|main|first|second|last|big|little|small)\\s+)?(?:module|rule|method|function|framework|plugin|extension|proposal"
                    + "|pep|update|fix|study|report|survey|book|chapter|episode|interview|event|site"
                    + "|website|blog|repo|repository|product|publisher|startup|firm|vendor|platform|service|approach|trick"
                    + "|tool|library|project|package|article|paper|post|author|company|feature|release|app)\\b");
    /** "The most commonly cited one", "the new ones": "one" standing for a noun said before. */
    private static final Pattern PRONOUN_ONE = Pattern.compile(
            "(?i)^(?:(?:probably|maybe|perhaps|really|by far)\\s+)?the\\s+(?:[\\p{L}-]+\\s+){0,3}?ones?\\b(?!\\s+(?:of|who|that|thing)\\b)");
    /** One spoken lead-in word and what follows it; {@link PickRepair} strips a run of them without the dash. */
    static final String LEAD_IN_WORD = "(?:so|and|but|um|uh|yeah|well|okay|ok|oh|right|now|i mean|you know|anyway)[,.]?\\s+";
    private static final Pattern LEAD_IN = Pattern.compile("^[^\\p{L}\\p{N}]*(?:" + LEAD_IN_WORD + ")*", Pattern.CASE_INSENSITIVE);

    /** The sentence without its dialogue dash and lead-ins ("- Yeah, so I think..." → "I think..."). */
    static String core(String sentence) {
        String t = sentence.strip();
        Matcher m = LEAD_IN.matcher(t);
        return m.lookingAt() ? t.substring(m.end()) : t;
    }

    /**
     * The opening points at a particular thing the reader has not met: "the most interesting one", or "the
     * module" / "the publisher" before anything in the sentence is named (a capitalized word or a number names it:
     * "the Harbourline module").
     */
    static boolean pointsBack(String sentence) {
        String t = core(sentence);
        if (PRONOUN_ONE.matcher(t).find()) return true;
        Matcher m = POINTING_NOUN.matcher(t);
        return m.find() && !namedBefore(t, m.end());
    }

    private static boolean namedBefore(String t, int end) {
        String[] words = SPACES.split(t.substring(0, end));
        for (int k = 0; k < words.length; k++) {
            String w = LEADING.matcher(words[k]).replaceFirst("");
            if (w.isEmpty()) continue;
            // a first word names only when it is not a function word ("Buckaroo is...", not "The" or "So")
            if (k == 0 && Words.STOP.contains(TRAILING.matcher(w.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceFirst(""))) continue;
            if (Words.names(w)) return true;
        }
        return false;
    }

    /**
     * "also", "as well" or a closing "too" inside the clause: more of something the reader did not hear. Not an opening
     * "Also,", a connective the cleaner drops and the ranking already weighs.
     */
    private static final Pattern ADDITIVE = Pattern.compile("(?i)(?<!^)\\b(?:also|as well)\\b|\\btoo[.!]?$");

    static boolean additive(String sentence) {
        return ADDITIVE.matcher(core(sentence)).find();
    }

    /**
     * "this party", "those servers", "like that rule": a demonstrative before a noun the pick has not said before
     * (searched in {@code before}, the pick's text up to this sentence). Time words ("this week") name nothing.
     */
    private static final Pattern DEMONSTRATIVE = Pattern.compile(
            "(?i)(?:\\b(?:this|these|those)|\\b(?:like|about|with|for|from|of|on|in|use|using|by) that)\\s+([\\p{Ll}][\\p{L}-]{2,})\\b");
    private static final Set<String> NOT_NOUNS = Set.of("is", "was", "are", "were", "has", "had", "will", "would",
            "can", "could", "does", "did", "and", "but", "the", "one", "ones", "kind", "sort", "type", "way", "time",
            "times", "week", "weeks", "year", "years", "month", "months", "morning", "day", "days", "point", "moment",
            "case", "stuff", "thing", "things", "much", "many", "all", "just", "really", "also", "very", "not", "means",
            "matter", "said", "episode", "show", "podcast", "conversation", "country", "world", "century", "decade");

    /** The noun of the first such demonstrative, or null. */
    static String demonstrativeUnmet(String sentence, String before) {
        Matcher m = DEMONSTRATIVE.matcher(sentence);
        String known = before.toLowerCase(Locale.ROOT);
        while (m.find()) {
            String noun = m.group(1).toLowerCase(Locale.ROOT);
            if (NOT_NOUNS.contains(noun) || noun.endsWith("ly")) continue;
            String stem = noun.endsWith("s") && noun.length() > 4 ? noun.substring(0, noun.length() - 1) : noun;
            if (!known.contains(stem)) return stem;
        }
        return null;
    }

    /** "There are two types of...", "it starts out with two major changes": a count the rest should deliver. */
    private static final Pattern COUNT = Pattern.compile(
            "(?i)\\b(?:two|three|four)\\s+(?:[\\p{L}-]+\\s+)?(?:things|reasons|ways|types|kinds|changes|parts"
                    + "|points|options|problems|issues|steps|features|lessons|groups|camps|factors|sorts)\\b");
    /** What a second item opens with. */
    private static final Pattern SECOND = Pattern.compile(
            "(?i)\\b(?:second(?:ly)?|the other|another|number two|two[,:]|then there(?:'s|’s| is| are)|then you(?:'ve)? (?:have|got)"
                    + "|on the other hand|the next|and the (?:second|other)|third(?:ly)?)\\b");

    static boolean promisesCount(String sentence) {
        return COUNT.matcher(sentence).find();
    }

    static boolean deliversSecond(String text) {
        return SECOND.matcher(text).find();
    }
}
