package com.podcastinsights.insight;

import java.util.List;
import java.util.Locale;

/**
 * What the prior and the vetoes need from one sentence, found once. Every window of one to three sentences is
 * judged, so reading each window's text anew would tokenize and pattern-match every sentence three times; a
 * window's figures are instead the sums (and the first and last sentence's openings and endings) of these.
 */
record SentenceStats(int tokens, int content, int personal, int fillers, int terms, int cueBits, boolean markup,
                     boolean cutOff) {

    static SentenceStats of(String text) {
        List<String> tokens = Words.tokens(text);
        int content = 0, personal = 0, fillers = 0;
        for (String t : tokens) {
            if (Words.isContent(t)) content++;
            if (PassageScorer.isPersonal(t)) personal++;
            if (Words.FILLER.contains(t)) fillers++;
        }
        fillers += 2 * Words.fillerPhrases(text);
        int terms = 0;
        for (String t : tokens) if (!Words.STOP.contains(t) && t.length() >= 3) terms++;
        return new SentenceStats(tokens.size(), content, personal, fillers, terms,
                PassageScorer.cueBits(text.toLowerCase(Locale.ROOT)), PassageFilter.hasInlineSpeaker(text),
                PassageFilter.endsCutOff(text));
    }

    /** The figures of consecutive sentences read as one passage. */
    static SentenceStats sum(List<SentenceStats> parts) {
        int tokens = 0, content = 0, personal = 0, fillers = 0, terms = 0, cues = 0;
        boolean markup = false;
        for (SentenceStats s : parts) {
            tokens += s.tokens;
            content += s.content;
            personal += s.personal;
            fillers += s.fillers;
            terms += s.terms;
            cues |= s.cueBits;
            markup |= s.markup;
        }
        return new SentenceStats(tokens, content, personal, fillers, terms, cues, markup, parts.get(parts.size() - 1).cutOff);
    }
}
