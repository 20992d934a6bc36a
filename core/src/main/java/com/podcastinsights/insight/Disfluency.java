package com.podcastinsights.insight;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repairs of spontaneous speech that {@link TextCleaner} runs before its own: interjections inside a turn
 * ("Yep", "Yeah"), self-corrections ("Actually," opening a later sentence), vague extenders ("or whatever", "and
 * stuff"), restarts that repeat a pronoun or a phrase ("it's not, it isn't", "for many for more than", "a lot of
 * my work is just in general, a lot of my work"), cut-off words ("se seemingly"), spoken quote marks ("quote, ...
 * stop quote") and a sentence that trails off on a word waiting for its object ("such that it's."). And
 * {@link #residue}: what is left after repair that still reads as broken speech, for the ranking.
 *
 * <p>Each repair fires only where the dropped words cannot be the content: "I mean it", "you know the answer",
 * "languages like Python", "We need more tests. We need more docs." are left alone.
 */
final class Disfluency {
    private static final String PRONOUN = "(?:i|we|they|he|she|it|you|there)";
    private static final String AUX = "(?:is|isn't|was|wasn't|are|aren't|were|weren't|has|have|had|will|would|can|could|"
            + "do|does|did|don't|doesn't|didn't|won't|can't)";

    /** "Yep", "Yeah" said inside a turn: a reply to the other speaker, not part of the sentence. */
    private static final Pattern INTERJECTION = Pattern.compile("(?i)(?<![\\p{L}'-])(?:yep|yup|yeah)(?![\\p{L}'-])[,.!]?\\s*");
    /** The repairs after the interjections, in order. */
    private static final List<Rewrite> REPAIRS = List.of(
            // A marker opening a later sentence: a self-correction ("Actually, probably X") or an appeal ("You see, ").
            Rewrite.of("(?i)(?:(?<=^)|(?<=[.!?]\\s))(?:actually|you see|look|listen|i mean|of course)\\s*,\\s*", ""),
            // "I mean" and "you know" at a clause start before a new clause; not "I mean it", "you know the answer".
            Rewrite.of("(?i)(?:(?<=^)|(?<=[,.;!?]\\s)|(?<=\\b(?:and|but|so|or|because)\\s))(?:i mean|you know)\\s+"
                    + "(?=(?:i|we|they|he|she|it's|there's|there|that's|this is|if|when)\\b)", ""),
            // A vague extender closing a phrase: "or whatever", "and stuff", "and so on", "or something like that".
            Rewrite.of("(?i),?\\s+(?:or whatever|and stuff(?: like that)?|and so on(?: and so forth)?|and so forth|and things like that"
                    + "|and all that(?: kind of)?(?: stuff)?|or something(?: like that)?|and that kind of (?:thing|stuff))(?=\\s*[.,;!?]|\\s*$)", ""),
            // The same set off by commas without "and": "compiler warnings, all that kind of stuff, and" (not "we removed all that stuff").
            Rewrite.of("(?i),\\s*all that (?:kind of |sort of )?(?:stuff|jazz)(?=\\s*[.,;!?]|\\s*$)", ""),
            // "Hey," opening something said or quoted: "Hugo announced, hey, the stats are back" (not "say hey to").
            Rewrite.of("(?i)(?:,\\s*|(?<=^)|(?<=[.!?]\\s))hey,\\s+", m -> m.group().startsWith(",") ? ", " : ""),
            // An aside pointing at the show's own talk, closing a sentence: "..., and we had a chat about it."
            Rewrite.of("(?i),?\\s+and\\s+(?:we|I)\\s+(?:had|have had|did)\\s+(?:a|an)\\s+(?:chat|conversation|talk|discussion|episode)"
                    + "\\s+(?:about|on)\\s+(?:it|this|that|them)(?=[.!?]|$)", ""),
            // "It's therefore goes": a contracted "is" before a verb that already agrees with the subject.
            Rewrite.of("(?i)\\b(it|that|he|she|this)'s\\s+((?:therefore|also|just|still|now|then|always|never|only|\\p{L}+ly)\\s+)?"
                    + "(?=(?:goes|does|seems|gets|tends|happens|depends|allows|provides|requires|becomes|remains|contains|includes|supports)\\b)",
                    "$1 $2"),
            // A sentence that only thanks a co-host: "Thanks, Michael." (thanks for something says what for).
            Rewrite.of("(?:(?<=^)|(?<=[.!?]\\s))(?:Thanks|Thank you)(?: so much| very much)?(?:,? \\p{Lu}\\p{Ll}+)?[.!](?:\\s+|$)", ""),
            // A tag asking for assent at a sentence's end without a comma: "you only do it once okay?".
            Rewrite.of("(?i)\\s+okay\\?", "."),
            // "like" before a number after "be": "there were like 40 people" (not "it was like a dream").
            Rewrite.of("(?i)(?<=\\b(?:is|was|were|are|be|been|it's|there's|that's)\\s)like,?\\s+(?=\\d|(?:about|over|around|almost|two|three|four|five|ten|a hundred|a thousand)\\b)", ""),
            // "say" as a hedge after a preposition: "a range of say rare diseases" (not "to say").
            Rewrite.of("(?i)(?<=\\b(?:of|with|about|for|than|from|around)\\s)say,?\\s+(?=[\\p{L}\\d])", ""),
            // ", right" that is a tag before a word "right" does not modify: "before the courts, right anywhere".
            Rewrite.of("(?i),\\s*right\\s+(?!(?:now|here|there|away|after|before|at|in|on|to|from|into|when|next|back|off|up|down|through|"
                    + "across|behind|around|where|under|over|out|side|hand|answer|thing|things|way|one|ones|person|people|time|place|of|and|or|,)\\b)", " "),
            // A comma after an article or "let's" is never grammar: "the, again, creature comforts", "Let's, take".
            Rewrite.of("(?i)\\b(?:(the|a|an)\\s*,\\s+(?:again|actually|I think|say|basically|so)\\s*,|(let's)\\s*,)\\s+",
                    m -> Matcher.quoteReplacement((m.group(1) != null ? m.group(1) : m.group(2)) + " ")));
    /** A preposition and a determiner said again with another determiner: "for many for more than". */
    private static final Pattern PREPOSITION_RESTART = Pattern.compile(
            "(?i)\\b(for|in|of|with|on|at|from|about|by)\\s+(?:a|an|the|this|that|these|those|many|some|any|most|our|my|your|"
                    + "their|his|her|its|each|every|much|more|few)\\s+(?=\\1\\s)");
    /**
     * A pronoun restarted after words that carry no content: "it's not, it isn't", "It's currently, it went". Not
     * a parallel clause ("it's fast, it's cheap", "we have antibodies, we have"), whose words carry content.
     */
    private static final Pattern PRONOUN_RESTART = Pattern.compile(
            "(?i)(?<!\\b(?:if|when|whether|unless|though|because)\\s)\\b(" + PRONOUN + ")(?:'s|'re|'m|'ve|'ll|'d)?(?:\\s+(?:not|just|really|actually|currently|also|still|so|never|"
                    + "probably|maybe|" + AUX + ")){0,2}\\s*,\\s+(?=\\1\\b)");
    /** A pronoun cut off from its verb by a comma: "it, isn't a book". */
    private static final Pattern PRONOUN_COMMA = Pattern.compile("(?i)\\b(" + PRONOUN + ")\\s*,\\s+(?=" + AUX + "\\b)");
    /**
     * A phrase of three or more words, a few more words, a comma and the phrase again: the speaker began, added
     * something and started over ("a lot of my work is just in general, a lot of my work, including").
     */
    private static final Pattern PHRASE_RESTART = Pattern.compile(
            "(?i)\\b((?:[\\p{L}']+\\s+){3,5}[\\p{L}']+)\\s+((?:[\\p{L}']+\\s+){0,3}[\\p{L}']+),\\s+(?=\\1\\b)");
    /** Words that carry no point of their own, so a stretch of them between a phrase and its restart is an aside. */
    private static final Set<String> LIGHT = Set.of("is", "was", "are", "just", "really", "actually", "basically",
            "honestly", "probably", "in", "general", "i", "think", "guess", "mean", "you", "know", "like", "well", "so",
            "kind", "sort", "of", "um", "uh", "the", "a", "that", "this", "it's", "there", "now", "again", "okay");
    /**
     * A phrase ending on a word that waits for its object, followed at once by a new clause, and said again
     * within a few words: "We're going through I don't know about you. We're going through an advertising
     * downturn". Everything from the abandoned phrase to its second start was an aside.
     */
    private static final Pattern ASIDE_RESTART = Pattern.compile(
            "(?i)(?:(?<=^)|(?<=[.!?,]\\s))((?:[\\p{L}']+\\s+){1,3}(?:through|to|of|with|for|about|in|on|at|the|a|an|is|was|are|were))\\s+"
                    + "(?=(?:i|we|they|he|she|let's|let me)\\b)(?:[^\\s]+\\s+){1,20}?(?=\\1\\b)");
    /** A cut-off word said again in full: "se seemingly", "th the". */
    private static final Pattern PARTIAL_WORD = Pattern.compile("(?i)(?<![\\p{L}\\p{N}'’./-])(\\p{L}{1,3})\\s+(?=\\1\\p{L}{2,})");
    /** Short words that are words, so "we were", "in inside", "a about" are never read as a cut-off word. */
    private static final Set<String> SHORT_WORDS = Set.of(
            "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
            "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "ad", "ai", "add", "ago", "all", "and",
            "any", "are", "art", "ask", "bad", "big", "bit", "but", "buy", "can", "car", "cut", "day", "did", "end",
            "far", "few", "for", "fun", "get", "got", "had", "has", "her", "him", "his", "how", "its", "job", "key",
            "kid", "law", "let", "lot", "low", "man", "may", "men", "new", "nor", "not", "now", "odd", "off", "old",
            "one", "our", "out", "own", "pay", "per", "put", "ran", "raw", "red", "run", "sat", "saw", "say", "see",
            "set", "she", "sit", "six", "son", "sum", "tax", "ten", "the", "too", "top", "try", "two", "use", "war",
            "was", "way", "web", "who", "why", "win", "won", "yes", "yet", "you", "app", "api", "pro", "con", "pre",
            "sub", "non", "dev", "ops", "fix", "mix", "box", "age", "act", "air", "arm", "bed", "bus", "due", "eat",
            "era", "eye", "fan", "fit", "fly", "gas", "god", "gun", "hot", "ice", "ill", "lay", "leg", "lie", "map",
            "mom", "net", "oil", "pop", "sea", "sky", "tea", "tie", "tip", "toy", "van", "via", "vs", "wet", "pi",
            "ha");

    /** Spoken quotation marks: "writes quote, ... stop quote". */
    private static final Pattern QUOTE_OPEN = Pattern.compile(
            "(?i)(?:,\\s*|(?<=\\b(?:writes|wrote|says|said|reads|states|stated|put it)\\s))\\bquote\\s*,?\\s+");
    private static final Pattern QUOTE_CLOSE = Pattern.compile("(?i),?\\s*\\b(?:stop|end|close|un) ?quote\\b\\s*([.!?])?");

    /** The last sentence ends on a word that waits for what follows it. */
    private static final Pattern DANGLING_END = Pattern.compile(
            "(?i)\\s(?:it's|that's|there's|the|a|an|and|but|or|because|which|such|than|my|our|their|your|its|i|we|they|he|she)[.!?]?$");
    /** Where a trailing clause may be cut: a comma or a conjunction that opens a clause. */
    private static final Pattern CLAUSE_CUT = Pattern.compile(
            "(?i)(?:,\\s+|\\s+(?=(?:such that|so that|because|which|and|but|so|while|whereas)\\s))");
    private static final Pattern LAST_SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

    /**
     * What still reads as broken speech after repair, one match per blemish: a filler the rules had to leave
     * ("you know the", "kind of"), a verb form no writer would put there ("it just like", "It's were", "we're the
     * team is"), an article or a preposition before a comma or a pronoun ("look at, people", "uses the it"), and a
     * sentence of 45 words or more with no stop (unpunctuated machine transcription).
     */
    private static final Pattern RESIDUE = Pattern.compile(
            "(?i)\\b(?:you know|i mean|kind of|sort of|or whatever|and stuff|gonna|wanna|yeah|okay)\\b"
                    + "|\\b(?:it|this|that|he|she)\\s+(?:just\\s+)?like\\s+(?!to\\b)"
                    + "|\\b(?:it's|that's|there's|he's|she's)\\s+(?:were|was|is|are|will|can|has|have|goes|does)\\b"
                    + "|\\b(?:is|are|was|were)\\s+(?:is|are|was|were|has|have)\\b"
                    + "|\\b(?:we're|they're|i'm|you're)\\s+(?:the|a)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:is|are|was|were)\\b"
                    + "|\\b(?:the|a|an|of|to|at|in|on|for|with|from)\\s*,"
                    + "|\\b(?:the|a|an)\\s+(?:i|we|they|he|she|is|are|was|were|it's)\\b"
                    + "|\\b(?:i|we|they|he|she)\\s+(?:i|we|they|he|she)\\b");
    private static final Pattern SENTENCE_STOP = Pattern.compile("[.!?…]");
    static final int RUN_ON_WORDS = 45;

    /** The blemishes {@link #RESIDUE} finds in a cleaned text, plus one for each run-on sentence. */
    static int residue(String cleaned) {
        int n = 0;
        Matcher m = RESIDUE.matcher(cleaned);
        while (m.find()) n++;
        for (String sentence : SENTENCE_STOP.split(cleaned)) if (Words.count(sentence) >= RUN_ON_WORDS) n++;
        return n;
    }

    private Disfluency() {
    }

    /** Runs before the cleaner's own rules, on text whose hesitations are already gone. */
    static String repair(String text) {
        String s = INTERJECTION.matcher(text).replaceAll(m -> atSentenceStart(text, m.start()) ? "" : ", ");
        return restarts(Rewrite.applyAll(REPAIRS, s));
    }

    /** The restarts (and spoken quote marks): what a speaker said twice or began and abandoned. */
    private static String restarts(String text) {
        String s = PREPOSITION_RESTART.matcher(replaceQuotes(text)).replaceAll("");
        s = untilStable(s, PRONOUN_RESTART);
        s = PRONOUN_COMMA.matcher(s).replaceAll("$1 ");
        // a phrase restart is dropped only when what came between is an aside (all LIGHT words)
        s = PHRASE_RESTART.matcher(s).replaceAll(m -> Words.tokens(m.group(2)).stream().allMatch(LIGHT::contains)
                ? "" : Matcher.quoteReplacement(m.group()));
        s = ASIDE_RESTART.matcher(s).replaceAll("");
        // a short word that is a word is kept before a longer one it begins ("in inside")
        return PARTIAL_WORD.matcher(s).replaceAll(m -> SHORT_WORDS.contains(m.group(1).toLowerCase(Locale.ROOT))
                ? Matcher.quoteReplacement(m.group()) : "");
    }

    /** Runs last, on the cleaned text: a final sentence that trails off is cut back to its last whole clause. */
    static String trimDanglingEnd(String text) {
        String body = text.strip();
        if (!DANGLING_END.matcher(body).find()) return text;
        String[] sentences = LAST_SENTENCE.split(body);
        String last = sentences[sentences.length - 1];
        Matcher cut = CLAUSE_CUT.matcher(last);
        int at = -1;
        while (cut.find()) at = cut.start();
        String head = body.substring(0, body.length() - last.length());
        if (at > 0 && Words.count(last.substring(0, at)) >= 6) return head + last.substring(0, at).strip() + ".";
        if (sentences.length > 1 && Words.count(head) >= 8) return head.strip();
        return text;
    }

    private static boolean atSentenceStart(String s, int at) {
        String before = s.substring(0, at).stripTrailing();
        return before.isEmpty() || ".!?".indexOf(before.charAt(before.length() - 1)) >= 0;
    }

    private static String untilStable(String s, Pattern p) {
        for (int k = 0; k < 4; k++) {
            String next = p.matcher(s).replaceAll("");
            if (next.equals(s)) return s;
            s = next;
        }
        return s;
    }

    private static String replaceQuotes(String s) {
        Matcher open = QUOTE_OPEN.matcher(s);
        if (!open.find()) return QUOTE_CLOSE.matcher(s).replaceAll(m -> m.group(1) == null ? "" : m.group(1));
        Matcher close = QUOTE_CLOSE.matcher(s);
        boolean closed = close.find(open.end());
        StringBuilder out = new StringBuilder(s.substring(0, open.start()).stripTrailing()).append(": \"");
        if (!closed) return out.append(s.substring(open.end())).toString().replace(": \"", ": ");
        String punct = close.group(1) == null ? "" : close.group(1);
        out.append(s, open.end(), close.start()).append(punct).append('"').append(s.substring(close.end()));
        return out.toString();
    }
}
