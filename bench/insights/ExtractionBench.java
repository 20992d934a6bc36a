import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.insight.RankedPassage;
import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Warm extraction time of a 30,000-word transcript, against a plain sentence TextRank (TF-IDF cosine graph,
 * PageRank) timed on the same text in the same run, so the ratio means something on any machine.
 *
 * <p>Run with {@code make bench} (or: java -cp core/target/classes bench/insights/ExtractionBench.java [FILE]).
 * Without FILE the transcript is generated (seeded, so every run ranks the same text); with FILE, its
 * paragraphs are repeated until there are 30,000 words.
 */
public final class ExtractionBench {
    static final int WORDS = 30_000;
    static final int WARMUP = 15;
    static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        Transcript t = args.length > 0 ? fromFile(Path.of(args[0])) : generated();
        long words = t.segments().stream().mapToLong(s -> s.text().split("\\s+").length).sum();
        InsightExtractor extractor = new InsightExtractor();
        List<String> sentences = sentences(t);
        for (int i = 0; i < WARMUP; i++) {
            sink += extractor.rank(t, 5).size();
            sink += textRank(sentences, 5).size();
        }
        double[] ours = new double[RUNS];
        double[] base = new double[RUNS];
        double[] oursCpu = new double[RUNS];
        // CPU time of this thread too: on a shared machine the wall time also counts the waits for a core
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            List<RankedPassage> top = extractor.rank(t, 5);
            long b = System.nanoTime();
            oursCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            sink += textRank(sentences, 5).size();
            long c = System.nanoTime();
            sink += top.size();
            ours[i] = (b - a) / 1e6;
            base[i] = (c - b) / 1e6;
        }
        double o = median(ours), r = median(base);
        System.out.printf(Locale.ROOT, "{\"words\": %d, \"segments\": %d, \"extract_ms_median\": %.1f, "
                        + "\"extract_cpu_ms_median\": %.1f, \"textrank_ms_median\": %.1f, \"ratio_to_textrank\": %.2f, "
                        + "\"under_200ms\": %s}%n",
                words, t.segments().size(), o, median(oursCpu), r, o / r, o < 200);
        if (sink == 42) System.out.println();
    }

    static long sink;

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static Transcript fromFile(Path file) throws Exception {
        List<String> paragraphs = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Segment> segments = new ArrayList<>();
        int words = 0, i = 0;
        double time = 0;
        while (words < WORDS) {
            String p = paragraphs.get(i++ % paragraphs.size());
            String[] w = p.split("\\s+");
            String text = String.join(" ", Arrays.copyOf(w, Math.min(w.length, WORDS - words)));
            segments.add(new Segment(time, time + w.length / 2.5, "Speaker " + (i % 3), text));
            time += w.length / 2.5;
            words += Math.min(w.length, WORDS - words);
        }
        return new Transcript("bench", "file", "en", "vtt", segments);
    }

    /** Two people talking: claims with reasons and numbers, fillers, questions, short backchannel turns. */
    static Transcript generated() {
        String[] nouns = ("battery grid model chip factory price budget sleep memory muscle soil compost water "
                + "inference cache server network latency storage market customer design button screen case "
                + "material supplier energy peak demand cost risk fund fee portfolio habit study trial").split(" ");
        String[] verbs = "lowers raises doubles halves drives limits protects shifts cuts explains".split(" ");
        String[] fill = "um uh yeah you know I mean like so right okay".split(" ");
        Random rnd = new Random(7);
        List<Segment> segments = new ArrayList<>();
        int words = 0;
        double time = 0;
        int turn = 0;
        while (words < WORDS) {
            StringBuilder sb = new StringBuilder();
            int kind = rnd.nextInt(6);
            if (kind == 0) sb.append("Yeah, right. ");
            else if (kind == 1) sb.append("So what happens to the ").append(pick(rnd, nouns)).append(" then? ");
            else {
                int sentences = 1 + rnd.nextInt(5);
                for (int s = 0; s < sentences; s++) {
                    if (rnd.nextInt(3) == 0) sb.append(pick(rnd, fill)).append(' ');
                    sb.append("The ").append(pick(rnd, nouns)).append(' ').append(pick(rnd, verbs)).append(" the ")
                            .append(pick(rnd, nouns)).append(" by ").append(10 + rnd.nextInt(80)).append(" percent");
                    sb.append(rnd.nextBoolean() ? " because the " : ", which means the ").append(pick(rnd, nouns))
                            .append(' ').append(pick(rnd, verbs)).append(" the ").append(pick(rnd, nouns))
                            .append(" over ").append(2 + rnd.nextInt(9)).append(" years. ");
                }
            }
            String text = sb.toString().strip();
            int n = text.split("\\s+").length;
            segments.add(new Segment(time, time + n / 2.5, turn++ % 2 == 0 ? "Host" : "Guest", text));
            time += n / 2.5;
            words += n;
        }
        return new Transcript("bench", "generated", "en", "vtt", segments);
    }

    static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    static List<String> sentences(Transcript t) {
        List<String> out = new ArrayList<>();
        for (Segment s : t.segments()) {
            for (String x : s.text().split("(?<=[.?!])\\s+")) {
                if (x.split("\\s+").length >= 8 && !x.endsWith("?")) out.add(x);
            }
        }
        return out;
    }

    static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "but", "so", "um", "uh", "yeah", "okay",
            "right", "i", "you", "we", "it", "that", "this", "is", "was", "to", "of", "in", "on", "for", "with", "be");

    /** The baseline: plain sentence TextRank, as in the evaluation's same-run comparison. */
    static List<String> textRank(List<String> sentences, int k) {
        int n = sentences.size();
        List<Map<String, Double>> vectors = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        List<Map<String, Integer>> tfs = new ArrayList<>();
        for (String s : sentences) {
            Map<String, Integer> tf = new HashMap<>();
            for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
                if (!w.isEmpty() && !STOP.contains(w)) tf.merge(w, 1, Integer::sum);
            }
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            tfs.add(tf);
        }
        for (Map<String, Integer> tf : tfs) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (var e : tf.entrySet()) {
                double x = e.getValue() * Math.log(1 + n / (double) df.get(e.getKey()));
                v.put(e.getKey(), x);
                norm += x * x;
            }
            double len = Math.sqrt(norm) == 0 ? 1 : Math.sqrt(norm);
            v.replaceAll((w, x) -> x / len);
            vectors.add(v);
        }
        float[][] sim = new float[n][n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Map<String, Double> a = vectors.get(i), b = vectors.get(j);
                if (a.size() > b.size()) { Map<String, Double> x = a; a = b; b = x; }
                double s = 0;
                for (var e : a.entrySet()) s += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
                sim[i][j] = sim[j][i] = (float) s;
                out[i] += s;
                out[j] += s;
            }
        }
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / n);
        for (int it = 0; it < 30; it++) {
            double[] next = new double[n];
            Arrays.fill(next, 0.15 / n);
            for (int j = 0; j < n; j++) {
                if (out[j] == 0) continue;
                double share = 0.85 * rank[j] / out[j];
                for (int i = 0; i < n; i++) next[i] += share * sim[j][i];
            }
            rank = next;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] r = rank;
        Arrays.sort(order, (x, y) -> Double.compare(r[y], r[x]));
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(k, n); i++) top.add(sentences.get(order[i]));
        return top;
    }
}
