package com.podcastinsights.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores candidates of one episode in 0..1. Three signals:
 * <ul>
 *   <li>centrality: TextRank over TF-IDF cosine similarity between candidates, so passages about what the
 *   episode keeps returning to beat asides. Its raw value depends on how many candidates there are, so it
 *   is min-max normalized per episode;</li>
 *   <li>insight cues: reasoning words and numbers ("because", "which means", "40%"), the shape of a claim
 *   with its why;</li>
 *   <li>a length prior that prefers 35-65 words, long enough to carry a reason, short enough to read.</li>
 * </ul>
 * Cues and length are absolute, so a score stays comparable across episodes in the daily top five; the
 * source confidence then discounts text that was never speech (show notes).
 */
final class PassageScorer {
    static final double CENTRALITY_WEIGHT = 0.5;
    static final double CUE_WEIGHT = 0.35;
    static final double LENGTH_WEIGHT = 0.15;
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 50;
    private static final double CONVERGED = 1e-7;
    private static final List<Pattern> CUES = List.of(
            Pattern.compile("(?i)\\bbecause\\b"),
            Pattern.compile("(?i)\\bwhich means\\b|\\bthat means\\b|\\bmeaning\\b"),
            Pattern.compile("(?i)\\bthe reason\\b"),
            Pattern.compile("(?i)\\bnot just\\b|\\bnot only\\b"),
            Pattern.compile("(?i)\\bbut\\b|\\binstead\\b"),
            Pattern.compile("(?i)(?<=\\w)[,]?\\s+so\\b|\\btherefore\\b|\\bas a result\\b"),
            Pattern.compile("\\d"),
            Pattern.compile("(?i)%|\\bpercent\\b"),
            Pattern.compile("(?i)\\bif\\b.*\\bthen\\b|\\bthe key\\b|\\bturns out\\b|\\bthe lesson\\b"));
    private static final int CUES_FOR_FULL_MARKS = 3;

    private PassageScorer() {
    }

    static double[] score(List<Candidate> candidates, double sourceConfidence) {
        int n = candidates.size();
        double[] central = normalize(textRank(candidates));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            String text = candidates.get(i).sourceText();
            double s = CENTRALITY_WEIGHT * central[i] + prior(text);
            out[i] = Math.max(0, Math.min(1, s * sourceConfidence));
        }
        return out;
    }

    /** The signals that need no other candidate: cues and length, weighted as in the score. */
    static double prior(String text) {
        return CUE_WEIGHT * cues(text) + LENGTH_WEIGHT * lengthPrior(Words.count(text));
    }

    static double cues(String text) {
        int hits = 0;
        for (Pattern p : CUES) {
            if (p.matcher(text).find()) hits++;
        }
        return Math.min(1.0, hits / (double) CUES_FOR_FULL_MARKS);
    }

    static double lengthPrior(int words) {
        if (words >= 35 && words <= 65) return 1.0;
        if (words < 35) return Math.max(0, 1.0 - (35 - words) * 0.05);
        return Math.max(0, 1.0 - (words - 65) * 0.033);
    }

    private static double[] textRank(List<Candidate> candidates) {
        int n = candidates.size();
        Vector[] vectors = tfIdf(candidates);
        // dense and primitive: a long episode has a few thousand candidates, and boxed edge lists would
        // cost hundreds of megabytes where this costs tens
        float[][] sim = new float[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // overlapping windows share sentences; letting them vote for each other would reward repetition
                if (candidates.get(i).overlaps(candidates.get(j))) continue;
                float s = (float) vectors[i].dot(vectors[j]);
                if (s <= 0) continue;
                sim[i][j] = s;
                sim[j][i] = s;
                outWeight[i] += s;
                outWeight[j] += s;
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0 / n);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[n];
            java.util.Arrays.fill(next, (1 - DAMPING) / n);
            for (int j = 0; j < n; j++) {
                if (outWeight[j] == 0) continue;
                double share = DAMPING * rank[j] / outWeight[j];
                float[] row = sim[j];
                for (int i = 0; i < n; i++) next[i] += share * row[i];
            }
            double change = 0;
            for (int i = 0; i < n; i++) change += Math.abs(next[i] - rank[i]);
            rank = next;
            if (change < CONVERGED) break;
        }
        return rank;
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

    private static Vector[] tfIdf(List<Candidate> candidates) {
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
        for (int c = 0; c < n; c++) {
            TreeMap<Integer, Integer> tf = counts.get(c);
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
            out[c] = new Vector(terms, weights);
        }
        return out;
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
