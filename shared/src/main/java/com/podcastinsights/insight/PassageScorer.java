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
    private static final int ITERATIONS = 40;
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
            double s = CENTRALITY_WEIGHT * central[i] + CUE_WEIGHT * cues(text) + LENGTH_WEIGHT * lengthPrior(Words.count(text));
            out[i] = Math.max(0, Math.min(1, s * sourceConfidence));
        }
        return out;
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
        List<Map<String, Double>> vectors = tfIdf(candidates);
        List<List<Integer>> neighbours = new ArrayList<>();
        List<List<Double>> w = new ArrayList<>();
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
            w.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // overlapping windows share sentences; letting them vote for each other would reward repetition
                if (candidates.get(i).overlaps(candidates.get(j))) continue;
                double sim = cosine(vectors.get(i), vectors.get(j));
                if (sim <= 0) continue;
                neighbours.get(i).add(j);
                w.get(i).add(sim);
                neighbours.get(j).add(i);
                w.get(j).add(sim);
                outWeight[i] += sim;
                outWeight[j] += sim;
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0 / Math.max(1, n));
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            java.util.Arrays.fill(next, (1 - DAMPING) / n);
            for (int j = 0; j < n; j++) {
                if (outWeight[j] == 0) continue;
                List<Integer> nb = neighbours.get(j);
                List<Double> ws = w.get(j);
                for (int k = 0; k < nb.size(); k++) {
                    next[nb.get(k)] += DAMPING * rank[j] * ws.get(k) / outWeight[j];
                }
            }
            rank = next;
        }
        return rank;
    }

    private static List<Map<String, Double>> tfIdf(List<Candidate> candidates) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Candidate c : candidates) {
            Map<String, Integer> tf = new TreeMap<>();
            for (String t : Words.terms(c.sourceText())) tf.merge(t, 1, Integer::sum);
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            counts.add(tf);
        }
        int n = candidates.size();
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Integer> tf : counts) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (var e : tf.entrySet()) {
                double x = (1 + Math.log(e.getValue())) * Math.log(1.0 + n / (double) df.get(e.getKey()));
                v.put(e.getKey(), x);
                norm += x * x;
            }
            double len = Math.sqrt(norm);
            if (len > 0) v.replaceAll((k, x) -> x / len);
            out.add(v);
        }
        return out;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (var e : small.entrySet()) {
            Double y = large.get(e.getKey());
            if (y != null) dot += e.getValue() * y;
        }
        return dot;
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
