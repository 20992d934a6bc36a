package com.podcastinsights.insight;

import java.util.List;

/**
 * A passage that passed the filters: sentences {@code first..last} (inclusive) of one speaker's turn.
 * {@code opensTurn}: it starts where the speaker started, so it is likelier to carry its own context.
 * {@code prior}: {@link PassageScorer#prior} of its text, kept because choosing among windows already needed it.
 * {@code turnPosition}: how far into its speaker's turn it starts, 0 at the turn's first word to 1 at its last.
 * {@code chosen}: the episode's cold open played it as a teaser, so its producer thought it the best moment.
 */
record Candidate(int first, int last, List<Sentence> sentences, boolean opensTurn, double prior, double turnPosition,
                 boolean chosen) {
    String sourceText() {
        return String.join(" ", sentences.stream().map(Sentence::text).toList());
    }

    boolean overlaps(Candidate other) {
        return first <= other.last && other.first <= last;
    }
}
