package com.podcastinsights.insight;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes spoken text readable in an email without changing what was said: drops hesitations ("um", "uh"),
 * discourse fillers ("you know", "I mean", "like", "sort of", "basically", a tag "right?"), stutters and
 * repeated phrases ("that that", "in the, in the"), abandoned starts ("I was, I think we", "the, it's") and the
 * discourse marker a speaker opened with ("So, ..."); {@link Disfluency} repairs the rest of spontaneous speech
 * (interjections, self-corrections, restarts, cut-off words, a trailing-off end). The exact passage is kept next to it as
 * {@code sourceText}, so nothing here has to be reversible.
 *
 * <p>Each rule is one a reader of transcripts would state: a word is dropped only where grammar says it carries
 * nothing (a "like" between a verb and its object's determiner, a "sort of" with no determiner before it, an
 * article right before a subject pronoun), never where it could be the content ("languages like Python",
 * "a kind of tool", "you know the answer").
 */
final class TextCleaner {
    /** Backchannels said while someone else talks ("uh-huh", "mm-hmm"): noise in a passage, like a hesitation. */
    private static final Pattern BACKCHANNEL = Pattern.compile("(?i)(?<![\\p{L}'-])(?:uh-huh|mm-hmm|mm-hm|mhm)(?![\\p{L}'-])[,.…]?\\s*");
    private static final Pattern HESITATION = Pattern.compile("(?i)(?<![\\p{L}'-])(?:u+m+|u+h+|erm|uhm|er|hmm+|mm+)(?![\\p{L}'-])[,.…]?\\s*");
    /** A sentence whose first word was a hesitation now starts in lower case. */
    private static final Pattern LOWER_AFTER_END = Pattern.compile("([.!?]\\s+)(\\p{Ll})");
    private static final String QUANTITY = "(?:over|about|around|almost|maybe|just|some|something|one|two|three|"
            + "four|five|ten|a couple|a few|a hundred|a thousand|\\d[\\d,.]*)";

    /** A noun that announces a clause, before its "is": "the problem is, ...", "the other thing was, ...". */
    private static final String FRAME = "(?:(?:and|but|so)\\s+)?(?:the|my|our|one|another)\\s+(?:[\\p{L}']+\\s+)?(?:problem|thing|point|question|issue|idea|reason|truth|fact|"
            + "catch|trick|answer|key|difference|danger|risk|goal|rule|lesson|worry|hope|plan|result|upshot)\\s+(?:is|was)\\s*,";

    /**
     * What the cleaner drops after {@link Disfluency#repair}, in order: fillers first, then stutters and repeats
     * (which the fillers hid: "in the, you know, in the"), then abandoned starts, then the punctuation the drops
     * left behind.
     */
    private static final List<Rewrite> DROPS = List.of(
            Rewrite.of("(?i)(?:,\\s*)?\\byou know\\b(?:\\s*,|(?=\\s*[.!?;]))", ""),
            Rewrite.of("(?i)(?:^|(?<=[,.;])|(?<=\\b(?:and|but|so|or|because)))\\s*i mean,\\s*", " "),
            // A tag asking for assent, said in passing: "..., right." or "..., okay?" or "..., right, whatever the state ...".
            Rewrite.of("(?i),\\s*(?:right|okay|ok|yeah)\\s*(?:[.?]|,(?=\\s))", m -> m.group().trim().endsWith(",") ? "," : "."),
            // A hedge, not a noun phrase: "it's sort of the top two", "is kind of a core layer" (but "a kind of tool", "all sorts of").
            Rewrite.of("(?i)(?<!\\b(?:a|the|this|that|these|those|what|some|any|which|one|every|each|no|same|different|certain|all|many|other|your|my|our|their|his|her|its)\\s)"
                    + "\\b(?:sort|kind) of\\s+(?!(?:thing|things|stuff|like)\\b)|(?<![\\p{L}'])basically,?\\s+", ""),
            // "like," as a pause, "If like the default", "So like there's", "to like help", "Like if I": "like" that links nothing.
            Rewrite.of("(?i)(?<![\\p{L}'])like,\\s*|(?<=\\b(?:if|when|so|and|but|because|or|to)\\s)like\\s+(?!(?:it|this|that|them|him|her|me|us|you|to)\\b)"
                    + "|(?:(?<=^)|(?<=[.!?]\\s))like\\s+(?=(?:if|when|there|we|i|you|they|it's|so|in)\\b)", ""),
            // "there's like a couple", "had like a phishing domain", ", like over a hundred": "like" between a verb of
            // having or a comma and what is had or counted. A "like" after "was" or before "a" after a comma is left: it
            // is a simile ("It was like a dream", "fragile, like a house of cards").
            Rewrite.of("(?i)(?<=\\b(?:get|took|takes))\\s+like,?(?=\\s+(?:a|an|the|some|"
                    + QUANTITY + ")\\b)|(?<=,)\\s+like(?=\\s+" + QUANTITY + "\\b)", ""),
            // "like" right after a preposition, "there's" or a verb of having: neither a verb nor a preposition can
            // stand there, so it is a filler whatever follows ("for like doing that", "there's like setup tools",
            // "as like the alternative"); but "for like-minded people" is a word of its own.
            Rewrite.of("(?i)(?<=\\b(?:there's|there is|there are|there was|there were|had|has|have|got|as|for|with|through|about|"
                    + "from|into|than|in|on|at|by))\\s+like,?(?=\\s+(?!to\\b)[\\p{L}\\d$])", ""),
            // "a like a 35 times penalty": the article said again after a "like".
            Rewrite.of("(?i)\\b(?:a|an|the)\\s+like\\s+(?=(?:a|an|the)\\s)", ""),
            // "it like has", "he just like stops": "like" between a subject pronoun opening a clause and its verb. Not
            // "treat it like a child", where "it" is an object and "like" a preposition.
            Rewrite.of("(?i)(?:(?<=^)|(?<=[,.;!?]\\s)|(?<=\\b(?:and|but|so|because|then|if|when|though)\\s))(it|he|she)\\s+(just\\s+)?like\\s+"
                    + "(?!(?:a|an|the|this|that|these|those|my|your|his|her|our|their|its|it|him|them|me|us|you|to)\\b)(?=\\p{Ll})", "$1 $2"),
            // "the older, like newer and older": a word corrected with "like" into a phrase that says it again. Not a
            // function word ("the design of, like different kinds of, ..."), which recurs without being corrected.
            Rewrite.of("(?i)\\b([\\p{L}']+),\\s+like\\s+(?=(?:[\\p{L}']+\\s+){0,2}\\1\\b)",
                    m -> Words.STOP.contains(m.group(1).toLowerCase(Locale.ROOT)) ? Matcher.quoteReplacement(m.group()) : ""),
            // "Like modules behave the same way": a sentence-opening "like" that compares with nothing, told by a
            // sentence with no comma and no second subject (a comparison is set off: "Like most languages, Python ...").
            Rewrite.of("(?:(?<=^)|(?<=[.!?]\\s))[Ll]ike\\s+(?!(?:this|that|these|those|what|how|it|him|her|them|me|us|you|most|many|all|"
                    + "every|any|some|other|others|each|everyone|everybody|anyone|anything|father|mother)\\b)"
                    + "(?=[^,;:.!?]+(?:[.!?]|$))(?![^,;:.!?]*\\b(?i:i|we|they|he|she|you)\\b)", ""),
            Rewrite.of("(?i)\\b([\\p{L}']+)-\\s+(?=\\1\\b)", ""),
            // A word said twice; but "had had" is grammar, not a stutter.
            Rewrite.of("(?i)\\b([\\p{L}']+)(?:,?\\s+\\1\\b)+",
                    m -> Matcher.quoteReplacement(m.group(1).equalsIgnoreCase("had") ? m.group() : m.group(1))),
            // "in the, in the", "et cetera, et cetera", "three times or three times": a phrase said twice in a row.
            Rewrite.of("(?i)\\b((?:[\\p{L}'\\d]+\\s+){1,3}[\\p{L}'\\d]+)(?:,|\\s+or)?\\s+\\1\\b", "$1"),
            // A clause restarted after one auxiliary or adverb: "issues that were that have been", "we somehow we were".
            // Not after a verb of saying or thinking ("I think I", "they said they"), which is a clause of its own.
            Rewrite.of("(?i)\\b(that|which|who|i|we|they|he|she|you)\\s+(?:was|were|is|are|will|would|can|could|should|have|has|had|"
                    + "just|also|really|somehow|actually|still|then|did|do|don't|didn't)\\s+(?=\\1\\s+\\p{L})", ""),
            // An abandoned start: up to five words after a clause boundary ending in a word that cannot end a phrase (an
            // article, a preposition, an auxiliary, a subject pronoun, a sentence adverb), then a comma and a new start:
            // "I do like the, it's not", "I was, I think we", "but hopefully, but maybe", "it will still, it'll still".
            // Not before a parenthetical ("The answer is, of course, no"), which closes with a second comma, nor in a
            // condition ("If it isn't, we retry"), nor after a noun that announces the clause ("The problem is, nobody reads it").
            Rewrite.of("(?i)(?:(?<=^)|(?<=[,.;:!?]\\s))(?!(?:if|when|whether|unless|though|although)\\b)(?!" + FRAME + ")(?:[\\p{L}'’]+\\s+){0,4}(?:the|a|an|of|to|with|for|in|on|is|was|are|were|will|would|can|could|"
                    + "i|we|they|he|she|my|our|their|your|his|and|but|or|that's|it's|there's|still|just|hopefully|"
                    + "not|don't|doesn't|didn't|isn't|wasn't|aren't|won't|can't|"
                    + "probably|maybe)\\s*,\\s+(?=\\p{L})(?!(?:[\\p{L}'’]+\\s+){0,3}[\\p{L}'’]+,)", ""),
            // An article right before a subject pronoun: the speaker dropped the noun phrase ("uses the it has").
            Rewrite.of("(?i)\\b(?:the|a|an)\\s+(?=(?:i|we|they|he|she|it|you)(?:'[a-z]+)?(?![\\p{L}/\\-.&]))", ""),
            // A comma between a preposition and its number, often left by a dropped filler: "spent in, like, 1920".
            Rewrite.of("(?i)\\b(at|in|of|to|on|for|with|from|into|about|by|than|around|over|under)\\s*,\\s+(?=\\d)", "$1 "),
            Rewrite.of("\\s+([,.;:!?])", "$1"),
            Rewrite.of(",(?:\\s*,)+", ","),
            Rewrite.of(",\\s*([.!?])", "$1"),
            Rewrite.of("([.!?])\\s*[,.](?!\\.)", "$1"));
    /** Once the spaces are folded: the punctuation and markers left dangling at the ends of the passage and its sentences. */
    private static final List<Rewrite> EDGES = List.of(
            Rewrite.of("^[-–—,;:.]\\s*", ""),
            Rewrite.of("\\s*[,;:]$", ""),
            // The opening markers (below) at a later sentence's start, when a comma shows they were said as a marker ("Yeah, ...").
            Rewrite.of("(?i)(?<=[.!?]\\s)(?:(?:and so|so|yeah|okay|ok|well|right|like|anyway|now|oh)[,]\\s*)+", ""));
    /**
     * The markers a passage may open with; "oh" and "like" only with their comma ("Oh, ..."), so "Oh no" keeps its
     * "no" and "Like most languages, Python ..." its comparison.
     */
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:(?:so|and|but|well|okay|ok|yeah|now|right|actually|anyway|also)\\b[,]?\\s+|(?:oh|like),\\s+)+");
    private static final Set<String> CLAUSE_MARKERS = Set.of("so", "but", "okay",
            "anyway", "however", "alright", "yeah");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Machine transcripts write the pronoun in lower case. */
    private static final Pattern LOWER_I = Pattern.compile("(?<![\\p{L}'])i(?=$|[\\s,.;:!?]|'(?:m|ve|d|ll)\\b)");
    private static final Pattern ENDS_WITH_STOP = Pattern.compile("(?s).*[.!?…][\"'”’)]*$");
    private static final Pattern ENDS_WITH_PUNCT = Pattern.compile("(?s).*[.!?…;:,][\"'”’)]*$");

    private TextCleaner() {
    }

    /**
     * The passage made of these sentences. A sentence the splitter cut out of a run-on (no stop of its own)
     * gets a full stop where the next one starts a new clause ("..., so", "but", "now"), which is what a reader
     * would have written; elsewhere the pieces are joined as they were said.
     */
    static String clean(List<String> sentences) {
        StringBuilder joined = new StringBuilder();
        for (int k = 0; k < sentences.size(); k++) {
            String s = sentences.get(k).strip();
            if (s.isEmpty()) continue;
            if (!joined.isEmpty()) joined.append(' ');
            joined.append(s);
            if (k + 1 < sentences.size() && !endsWithPunctuation(s) && opensClause(sentences.get(k + 1))) joined.append('.');
        }
        return clean(joined.toString());
    }

    private static boolean endsWithPunctuation(String s) {
        return ENDS_WITH_PUNCT.matcher(s).matches();
    }

    private static boolean opensClause(String next) {
        List<String> tokens = Words.tokens(next);
        return !tokens.isEmpty() && CLAUSE_MARKERS.contains(tokens.get(0));
    }

    private static String withoutHesitations(String text) {
        String s = SPACES.matcher(text).replaceAll(" ").trim();
        s = BACKCHANNEL.matcher(s).replaceAll("");
        return HESITATION.matcher(s).replaceAll("");
    }

    static String clean(String text) {
        String s = Rewrite.applyAll(DROPS, Disfluency.repair(withoutHesitations(text)));
        s = Rewrite.applyAll(EDGES, SPACES.matcher(s).replaceAll(" ").trim());
        String withoutLead = LEADING.matcher(s).replaceFirst("");
        if (Words.count(withoutLead) >= 3) s = withoutLead;
        if (s.isEmpty()) return s;
        s = LOWER_I.matcher(s).replaceAll("I");
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        s = LOWER_AFTER_END.matcher(s).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
        if (!ENDS_WITH_STOP.matcher(s).matches()) s = s + ".";
        return Disfluency.trimDanglingEnd(s);
    }
}
