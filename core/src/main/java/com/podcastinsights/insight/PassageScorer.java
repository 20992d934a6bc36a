package com.podcastinsights.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores candidates of one episode in 0..1. The signals:
 * <ul>
 *   <li>substance: the share of words that carry content rather than function words, fillers and vague
 *   words. It is the strongest single signal of what people mark as important in talk (see docs/quality.md);</li>
 *   <li>centrality: centroid similarity over TF-IDF vectors (the terms the episode keeps returning to), so
 *   passages on the episode's subject beat asides. Its raw value grows with the episode's length, so it is
 *   min-max normalized per episode. A TextRank graph measured no better on meetings-dev and is quadratic in
 *   the episode's length, so it is not used;</li>
 *   <li>insight cues: reasoning words and numbers ("because", "which means", "40%"), the shape of a claim
 *   with its why; a light weight, as on meetings-dev they do not separate what people mark;</li>
 *   <li>a length prior that prefers 35-65 words, long enough to carry a reason, short enough to read;</li>
 *   <li>position in the speaker's turn (earlier is better) and, subtracted, the share of first- and
 *   second-person words ("I", "my", "you"): talk about the speakers rather than the subject;</li>
 *   <li>similarity to the show notes, when the episode has them: the host's own summary of what matters in
 *   the episode. Cosine over the same TF-IDF space, scaled by the episode's best, so it ranks within the
 *   episode and adds nothing where there are no notes.</li>
 * </ul>
 * Substance, cues and length are absolute, so a score stays comparable across episodes in the daily top five;
 * the source confidence then discounts text that was never speech (show notes).
 */
final class PassageScorer {
    static final double SUBSTANCE_WEIGHT = 0.8;
    /**
     * A claim with its support ({@link ClaimCues}, -1..1): on podcasts the densest text is headline lists and
     * topic announcements, and what a reader forwards is a point with its why. Ad copy and bios, denser still,
     * never get here: they are vetoed as boilerplate. Weighed against meetings-dev too (docs/quality.md), where
     * people mark decisions and numbers more than reasons.
     */
    static final double CLAIM_WEIGHT = 0.3;
    /** The cold open replayed this passage: the producer's own pick of the episode's best moment. */
    static final double CHOSEN_BONUS = 0.1;
    static final double CENTRALITY_WEIGHT = 0.12;
    static final double CUE_WEIGHT = 0.04;
    static final double LENGTH_WEIGHT = 0.06;
    /**
     * A passage that starts where its speaker started beats an overlapping one that starts a sentence later:
     * the later one tends to drop the claim and keep only its support.
     */
    static final double TURN_START_BONUS = 0.05;
    /**
     * Graded form of the same idea over a long turn: a speaker states the point early and then elaborates,
     * hedges and trails off, so a passage near the start of its turn gets up to this much more than one at its
     * end. On meetings-dev, where a "turn" is all of one speaker's talk, passages in the first tenth of it are
     * marked 0.47 of the time, those in the last tenth 0.28 (docs/quality.md); there it acts as a prior on
     * the speaker's time in the meeting.
     */
    static final double TURN_POSITION_WEIGHT = 0.25;
    /**
     * An insight is about the subject, not about the people talking: a passage full of "I", "my" and "you"
     * is an anecdote, a self-introduction or talk to the room ("I'm very impressed with your sketch"), which a
     * reader who was not there cannot use. Subtracted per share of such words, so 5% of them costs 0.1.
     */
    static final double PERSONAL_WEIGHT = 2.0;
    /**
     * Similarity to the show notes. Light: notes name the topics, not the claims, and an episode without
     * notes must not fall far behind one with them in the daily ranking.
     */
    static final double NOTES_WEIGHT = 0.08;
    /** Notes with fewer content terms than this ("Episode 12. Links below.") say nothing about the passages. */
    static final int MIN_NOTES_TERMS = 8;
    /**
     * The most a passage can collect before the personal-word penalty. The sum is divided by it, so scores spread
     * over 0..1 instead of piling up at the cap, where passages from different episodes would tie in the daily
     * ranking; dividing by a constant keeps every order.
     */
    static final double MAX_RAW = SUBSTANCE_WEIGHT + CLAIM_WEIGHT + CENTRALITY_WEIGHT + CUE_WEIGHT + LENGTH_WEIGHT
            + TURN_START_BONUS + TURN_POSITION_WEIGHT + NOTES_WEIGHT;
    private static final java.util.Set<String> PERSONAL = java.util.Set.of("i", "i'm", "i've", "i'd", "i'll", "me", "my",
            "mine", "you", "you're", "you've", "you'd", "you'll", "your", "yours");
    /** The content-word share at which a passage counts as fully substantive; few spoken passages exceed it. */
    static final double FULL_SUBSTANCE = 0.6;
    /** Matched against the lower-cased text: case-insensitive matching costs several times more per pattern. */
    private static final List<Pattern> CUES = List.of(
            Pattern.compile("\\bbecause\\b"),
            Pattern.compile("\\bwhich means\\b|\\bthat means\\b|\\bmeaning\\b"),
            Pattern.compile("\\bthe reason\\b"),
            Pattern.compile("\\bnot just\\b|\\bnot only\\b"),
            Pattern.compile("\\bbut\\b|\\binstead\\b"),
            Pattern.compile("(?<=\\w)[,]?\\s+so\\b|\\btherefore\\b|\\bas a result\\b"),
            Pattern.compile("\\d"),
            Pattern.compile("%|\\bpercent\\b"),
            Pattern.compile("\\bif\\b.*\\bthen\\b|\\bthe key\\b|\\bturns out\\b|\\bthe lesson\\b"));
    private static final int CUES_FOR_FULL_MARKS = 3;

    private PassageScorer() {
    }

    static double[] score(List<Candidate> candidates, double sourceConfidence) {
        return score(candidates, sourceConfidence, null);
    }

    /** {@code showNotes}: the episode's notes as plain text, or null when it has none (or they are the source). */
    static double[] score(List<Candidate> candidates, double sourceConfidence, String showNotes) {
        int n = candidates.size();
        Space space = tfIdf(candidates);
        Vector[] vectors = space.vectors();
        double[] central = normalize(centroid(vectors));
        double[] notes = notesSimilarity(space, showNotes);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = CENTRALITY_WEIGHT * central[i] + NOTES_WEIGHT * notes[i] + candidates.get(i).prior()
                    + (candidates.get(i).opensTurn() ? TURN_START_BONUS : 0)
                    + TURN_POSITION_WEIGHT * (1 - candidates.get(i).turnPosition())
                    + (candidates.get(i).chosen() ? CHOSEN_BONUS : 0);
            out[i] = Math.max(0, Math.min(1, s / MAX_RAW * sourceConfidence));
        }
        return out;
    }

    /** The signals that need no other candidate: substance, cues, length and personal words, weighted as in the score. */
    static double prior(String text) {
        return prior(text, ClaimCues.score(text));
    }

    /** {@code claim}: the passage's {@link ClaimCues} score, when the caller has it from its sentences' cues. */
    static double prior(String text, double claim) {
        return prior(SentenceStats.of(text), claim);
    }

    /** The same from a passage's figures (its sentences' {@link SentenceStats}, summed). */
    static double prior(SentenceStats s, double claim) {
        double substance = s.tokens() == 0 ? 0 : Math.min(1.0, s.content() / (double) s.tokens() / FULL_SUBSTANCE);
        double personal = s.tokens() == 0 ? 0 : s.personal() / (double) s.tokens();
        double cues = Math.min(1.0, Integer.bitCount(s.cueBits()) / (double) CUES_FOR_FULL_MARKS);
        return CUE_WEIGHT * cues + CLAIM_WEIGHT * claim + LENGTH_WEIGHT * lengthPrior(s.tokens())
                + SUBSTANCE_WEIGHT * substance - PERSONAL_WEIGHT * personal;
    }

    static boolean isPersonal(String token) {
        return PERSONAL.contains(token);
    }

    /**
     * The share of the words that carry content (not function words, fillers or short words), scaled so a
     * dense passage gets full marks. Talk that circles ("yeah so I mean that's the thing") is thin; talk that
     * states something names things ("a rubber case costs more than plastic").
     */
    static double substance(String text) {
        return substance(Words.tokens(text));
    }

    private static double substance(List<String> tokens) {
        if (tokens.isEmpty()) return 0;
        int content = 0;
        for (String t : tokens) {
            if (Words.isContent(t)) content++;
        }
        return Math.min(1.0, content / (double) tokens.size() / FULL_SUBSTANCE);
    }

    static double personal(String text) {
        return personal(Words.tokens(text));
    }

    private static double personal(List<String> tokens) {
        if (tokens.isEmpty()) return 0;
        int n = 0;
        for (String t : tokens) if (PERSONAL.contains(t)) n++;
        return n / (double) tokens.size();
    }

    static double cues(String text) {
        return Math.min(1.0, Integer.bitCount(cueBits(text.toLowerCase(java.util.Locale.ROOT))) / (double) CUES_FOR_FULL_MARKS);
    }

    /** Which of the {@link #CUES} the lower-cased text has, one bit each. */
    static int cueBits(String lower) {
        return CUE_SET.find(lower);
    }

    static final PatternSet CUE_SET = PatternSet.of(CUES);

    static double lengthPrior(int words) {
        if (words >= 35 && words <= 65) return 1.0;
        if (words < 35) return Math.max(0, 1.0 - (35 - words) * 0.05);
        return Math.max(0, 1.0 - (words - 65) * 0.033);
    }

    /**
     * Centroid centrality: how much of the passage is made of the terms the episode keeps using. Each term of
     * the passage's unit TF-IDF vector counts with the log of how many passages use it, so a passage about
     * the episode's subject beats an aside, and the cost is linear in the episode's length.
     */
    private static double[] centroid(Vector[] vectors) {
        Map<Integer, Integer> df = new HashMap<>();
        for (Vector v : vectors) for (int t : v.terms) df.merge(t, 1, Integer::sum);
        double[] out = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            Vector v = vectors[i];
            double s = 0;
            for (int k = 0; k < v.terms.length; k++) s += v.weights[k] * Math.log(1 + df.get(v.terms[k]));
            out[i] = s;
        }
        return out;
    }

    /** A unit-length TF-IDF vector: term ids ascending, with their weights. */
    private record Vector(int[] terms, double[] weights) {
        double dot(Vector o) {
            double sum = 0;
            int a = 0, b = 0;
            while (a < terms.length && b < o.terms.length) {
                if (terms[a] == o.terms[b]) sum += weights[a++] * o.weights[b++];
                else if (terms[a] < o.terms[b]) a++;
                else b++;
            }
            return sum;
        }
    }

    /** The candidates' vectors and the space they live in: term ids and document frequencies. */
    private record Space(Vector[] vectors, Map<String, Integer> ids, Map<Integer, Integer> df) {
    }

    /**
     * Each passage's cosine with the notes, divided by the episode's highest, so 1 is the passage closest to
     * the notes. Notes terms no passage uses are left out: they cannot tell passages apart. All zero when
     * there are no usable notes.
     */
    static double[] notesSimilarity(Space space, String showNotes) {
        double[] out = new double[space.vectors().length];
        if (showNotes == null) return out;
        List<String> terms = Words.terms(showNotes);
        if (terms.size() < MIN_NOTES_TERMS) return out;
        TreeMap<Integer, Integer> tf = new TreeMap<>();
        for (String t : terms) {
            Integer id = space.ids().get(t);
            if (id != null) tf.merge(id, 1, Integer::sum);
        }
        Vector notes = vector(tf, space.df(), out.length);
        double max = 0;
        for (int i = 0; i < out.length; i++) max = Math.max(max, out[i] = space.vectors()[i].dot(notes));
        if (max <= 0) return new double[out.length];
        for (int i = 0; i < out.length; i++) out[i] /= max;
        return out;
    }

    private static Vector vector(TreeMap<Integer, Integer> tf, Map<Integer, Integer> df, int n) {
        int[] terms = new int[tf.size()];
        double[] weights = new double[tf.size()];
        double norm = 0;
        int k = 0;
        for (var e : tf.entrySet()) {
            double x = (1 + Math.log(e.getValue())) * Math.log(1.0 + n / (double) df.get(e.getKey()));
            terms[k] = e.getKey();
            weights[k++] = x;
            norm += x * x;
        }
        double len = Math.sqrt(norm);
        if (len > 0) for (int i = 0; i < weights.length; i++) weights[i] /= len;
        return new Vector(terms, weights);
    }

    private static Space tfIdf(List<Candidate> candidates) {
        Map<String, Integer> ids = new HashMap<>();
        List<TreeMap<Integer, Integer>> counts = new ArrayList<>();
        Map<Integer, Integer> df = new HashMap<>();
        for (Candidate c : candidates) {
            TreeMap<Integer, Integer> tf = new TreeMap<>();
            for (String t : Words.terms(c.sourceText())) tf.merge(ids.computeIfAbsent(t, k -> ids.size()), 1, Integer::sum);
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            counts.add(tf);
        }
        int n = candidates.size();
        Vector[] out = new Vector[n];
        for (int c = 0; c < n; c++) out[c] = vector(counts.get(c), df, n);
        return new Space(out, ids, df);
    }

    private static double[] normalize(double[] values) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = max - min < 1e-12 ? 0.5 : (values[i] - min) / (max - min);
        }
        return out;
    }
}
