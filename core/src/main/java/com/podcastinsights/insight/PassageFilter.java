package com.podcastinsights.insight;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a passage can never be an insight: an ad read, a show intro or outro, a question, mostly
 * filler, or one that opens with a pronoun whose referent is in a sentence the reader will not see.
 * These are vetoes, not score penalties: a sponsor read full of numbers must not win on cues.
 */
final class PassageFilter {
    enum Reason { AD, INTRO_OUTRO, QUESTION, FILLER, UNRESOLVED_PRONOUN, ANSWER_FRAGMENT, TRANSCRIPT_MARKUP }

    private static final Pattern AD = Pattern.compile(
            "brought to you by|promo code|\\bsponsor|use code|\\d+\\s*(%|percent) off|free trial|"
                    + "\\.com/|dot com slash|support for (this|the) (show|podcast)|today'?s episode is supported",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INTRO_OUTRO = Pattern.compile(
            "welcome (back )?to|\\bsubscribe\\b|rate and review|thanks for listening|thank you for listening|"
                    + "see you next|i'?m your host|on today'?s (episode|show)|in this episode|joining me|(?:glad|happy|excited|thrilled|pleased|delighted) to (?:be )?joined by|"
                    + "my guest|show notes|that'?s (it|all) for (today|this week)|next week on|leave (us )?a review",
            Pattern.CASE_INSENSITIVE);
    static final PatternSet VETOES = PatternSet.of(AD, INTRO_OUTRO);
    /** A question without its question mark, as machine transcripts often write it. */
    private static final Pattern SPOKEN_QUESTION = Pattern.compile(
            "^(?:(?:so|and|but|okay|ok|well|now)[, ]+)*(?:what|why|how|who|where|when|which|do|does|did|can|could|"
                    + "would|will|is|are|was|were|have|has|should)\\s+(?:do|does|did|you|is|are|was|were|can|could|"
                    + "would|should|will|have|has|it|we)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A reply that leans on the question before it ("Not entirely, but it matters."): without the question
     * the reader cannot tell what is being denied or agreed to.
     */
    private static final Pattern REPLY = Pattern.compile(
            "^(?:(?:so|and|but|um|uh|well|oh|okay|ok|yeah|honestly|frankly)[,.]?\\s+)*(?:no|nope|not (?:really|entirely|quite|exactly|"
                    + "necessarily|always|at all)|yes|yep|exactly|absolutely|sure|definitely|true|correct|agreed|"
                    + "partly|totally|happily|gladly|of course|good question|great question|fair enough|right|"
                    + "both|neither|either|it depends)\\s*[,.!;:—-]",
            Pattern.CASE_INSENSITIVE);
    /**
     * Openings that point back at something the reader has not heard: "The other part...", "One of the goals",
     * "Also, ...", "Number three, ...", "Speaking of locks". Matched after the lead-ins are skipped.
     */
    private static final Pattern ANAPHORIC_OPENING = Pattern.compile(
            "^(?:also|then|which|because|plus|otherwise|another|both|either|such|same|meanwhile|similarly|likewise"
                    + "|finally|lastly|besides|anyway|instead|still|except|hence|thus|too"
                    + "|(?:the )?(?:other|first|second|third|next|last|latter|former|rest|remaining)\\b"
                    + "|one of (?:the|these|those|them)|some of (?:the|these|those|them)|all of (?:these|those|them|this)"
                    + "|(?:number|stage|step|point|part|item) (?:one|two|three|four|five|six|seven|\\d+)\\b"
                    + "|(?:first|second|third)(?:ly)?\\s*[,:]|speaking of|back to|on to|moving on|as for|going back"
                    + "|last but not least|in (?:that|this) case|at (?:that|this) point|in (?:that|this) sense"
                    + "|(?:that|this|those|these) (?:one|kind|sort|type|is why|was why|means)|same (?:thing|way)"
                    // a fragment: the sentence began before the passage ("Completed meaning that...", "Of how to")
                    + "|of|as|than|versus|somewhat|almost|mostly|more or less|said|told|like"
                    + "|(?!(?:nothing|something|everything|anything|thing|king|spring|morning|evening|during|bring|sing)\\b)"
                    + "[a-z]{3,}ing|(?!(?:need|indeed|speed|seed|feed|bed|red|shed|wed|ted|ned)\\b)[a-z]{3,}ed"
                    + "|(?:in|on|at|with|within|for|from|by|about|after|before|during|without|despite) "
                    + "(?:this|that|these|those|it|them|him|her|which)\\b)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A word left for the next sentence to finish: "...I was in the." is a cut-off, not a sentence. */
    private static final Pattern CUT_OFF = Pattern.compile(
            "\\b(?:the|a|an|and|or|but|of|with|from|because|my|our|your|their|i|we|they|if|than)[.!?…]*$",
            Pattern.CASE_INSENSITIVE);
    /** A second speaker's name inside the text ("BRIAN DORSEY: Yeah."): two voices, read as one. */
    private static final Pattern INLINE_SPEAKER = Pattern.compile("(?:^|\\s)\\p{Lu}{2,}(?:\\s\\p{Lu}{2,})*:\\s|\\[[^\\]]{1,40}\\]:|--");
    private static final Set<String> PRONOUNS = Set.of("this", "that", "it", "they", "he", "she", "those",
            "these", "them", "him", "her", "his", "their", "it's", "that's", "they're", "he's", "she's",
            "there's", "its");
    private static final Set<String> LEAD_INS = Set.of("so", "and", "but", "um", "uh", "yeah", "well", "okay",
            "ok", "oh", "like", "right", "now", "i", "mean", "you", "know");
    private static final double MAX_FILLER = 0.2;
    private static final int MIN_CONTENT_WORDS = 8;

    private PassageFilter() {
    }

    /** The first reason this passage is rejected, or null when it may be ranked. */
    static Reason reject(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            Reason r = rejectSentence(s.text());
            if (r != null) return r;
        }
        return rejectPassage(String.join(" ", sentences.stream().map(Sentence::text).toList()));
    }

    /**
     * The vetoes one sentence decides on its own: a passage that contains such a sentence is rejected. Ad and
     * intro phrases do not run across sentences, so the extractor checks each sentence once rather than once
     * per window it is part of.
     */
    static Reason rejectSentence(String sentence) {
        int vetoes = VETOES.find(sentence);
        if ((vetoes & 1) != 0) return Reason.AD;
        if ((vetoes & 2) != 0) return Reason.INTRO_OUTRO;
        if (isQuestion(sentence)) return Reason.QUESTION;
        // banter lines ("Ha, right.") make any passage around them read as a transcript, not a thought
        if (Words.terms(sentence).isEmpty()) return Reason.FILLER;
        return null;
    }

    /** The vetoes that depend on the passage as a whole: how much of it is filler, and how it opens. */
    static Reason rejectPassage(String joined) {
        return rejectPassage(joined, SentenceStats.of(joined));
    }

    /**
     * The same from the passage's first sentence (how it opens) and its figures (its sentences'
     * {@link SentenceStats} summed; how it ends is the last sentence's).
     */
    static Reason rejectPassage(String opening, SentenceStats s) {
        if (s.tokens() == 0 || s.fillers() / (double) s.tokens() > MAX_FILLER || s.terms() < MIN_CONTENT_WORDS) {
            return Reason.FILLER;
        }
        if (opensWithPronoun(opening)) return Reason.UNRESOLVED_PRONOUN;
        if (REPLY.matcher(opening.strip()).find()) return Reason.ANSWER_FRAGMENT;
        if (opensWithReference(opening)) return Reason.UNRESOLVED_PRONOUN;
        if (s.cutOff()) return Reason.FILLER;
        if (s.markup()) return Reason.TRANSCRIPT_MARKUP;
        return null;
    }

    /**
     * A match holds no space and ends at the end, so it lies in the text's last stretch without one: only that
     * stretch is searched (with the text before it visible to {@code \b}), not every position of the sentence.
     */
    static boolean endsCutOff(String text) {
        String t = text.strip();
        int from = t.length();
        while (from > 0 && !Character.isWhitespace(t.charAt(from - 1))) from--;
        return CUT_OFF.matcher(t).useTransparentBounds(true).region(from, t.length()).find();
    }

    static boolean endsCutOffUnfiltered(String text) {
        return CUT_OFF.matcher(text.strip()).find();
    }

    /** Every alternative holds a colon or is "--": a sentence with neither is not searched. */
    static boolean hasInlineSpeaker(String text) {
        return (text.indexOf(':') >= 0 || text.contains("--")) && INLINE_SPEAKER.matcher(text).find();
    }

    /** The passage's first words, after lead-ins, lean on something said before it. */
    static boolean opensWithReference(String text) {
        String t = text.strip();
        Matcher lead = LEAD_IN_RUN.matcher(t);
        if (lead.find()) t = t.substring(lead.end());
        return ANAPHORIC_OPENING.matcher(t).find();
    }

    private static final Pattern LEAD_IN_RUN = Pattern.compile(
            "^(?:(?:so|and|but|um|uh|yeah|well|okay|ok|oh|right|now|i mean|you know)[,.]?\\s+)+", Pattern.CASE_INSENSITIVE);

    static boolean isQuestion(String sentence) {
        String t = sentence.strip();
        return t.endsWith("?") || t.endsWith("?\"") || t.endsWith("?”") || SPOKEN_QUESTION.matcher(t).find();
    }

    static boolean opensWithPronoun(String text) {
        for (String w : Words.tokens(text)) {
            if (LEAD_INS.contains(w)) continue;
            return PRONOUNS.contains(w);
        }
        return false;
    }
}
