package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a transcript's segments into sentences per speaker turn. Caption files cut speech at arbitrary
 * points and machine transcripts often have little punctuation, so sentences are found across segment
 * boundaries, and a run-on stretch without punctuation is cut at discourse markers ("so", "but") or cue
 * boundaries rather than kept as one 200-word "sentence" that could never become a passage.
 */
final class SentenceSplitter {
    static final int MAX_SENTENCE_WORDS = 40;
    private static final int MIN_PIECE = 15;
    private static final int MIN_MARKER_PIECE = 6;
    private static final int MAX_PIECE = 35;
    private static final Pattern END = Pattern.compile("[.!?…]+[\"'”’)\\]]*(?=\\s+|$)");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…][\"'”’)\\]]*$");
    private static final Pattern TOPIC_SHIFT = Pattern.compile(
            "(?i)^(?:(?:um|uh|so|and)[,.]?\\s+)*(?:anyway|anyways|alright|all right|moving on|okay|ok)\\b");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc",
            "e.g", "i.e", "u.s", "inc", "jr", "sr", "approx", "fig", "mt");
    private static final Set<String> STRONG_MARKERS = Set.of("so", "but", "now", "okay", "anyway", "however", "alright");

    private SentenceSplitter() {
    }

    static List<Sentence> split(List<Segment> segments) {
        return split(segments, false);
    }

    /**
     * {@code paragraphsAreTurns}: each segment is a line someone wrote down (a plain-text transcript), so a line
     * that ends a sentence ends a paragraph, and a passage must not run from one paragraph into the next even
     * when no speaker is named. A line that stops mid-sentence is wrapped text and is joined, like caption cues,
     * which cut one speaker's speech at arbitrary points.
     */
    static List<Sentence> split(List<Segment> segments, boolean paragraphsAreTurns) {
        List<Sentence> out = new ArrayList<>();
        int turn = 0;
        int i = 0;
        while (i < segments.size()) {
            String speaker = segments.get(i).speaker();
            Turn t = new Turn();
            t.add(segments.get(i++));
            while (i < segments.size() && Objects.equals(speaker, segments.get(i).speaker())
                    && !(paragraphsAreTurns && endsSentence(segments.get(i - 1).text()))) {
                t.add(segments.get(i++));
            }
            if (!t.text.isEmpty()) {
                t.sentences(speaker, turn++, out);
            }
        }
        return out;
    }

    private static boolean endsSentence(String text) {
        return text != null && ENDS_SENTENCE.matcher(text.strip()).find();
    }

    /** One speaker's consecutive segments as a single text, remembering where each segment begins. */
    private static final class Turn {
        final StringBuilder text = new StringBuilder();
        final List<Integer> offsets = new ArrayList<>();
        final List<Segment> parts = new ArrayList<>();

        void add(Segment s) {
            String clean = s.text() == null ? "" : s.text().replaceAll("\\s+", " ").trim();
            if (clean.isEmpty()) return;
            if (!text.isEmpty()) text.append(' ');
            offsets.add(text.length());
            parts.add(s);
            text.append(clean);
        }

        void sentences(String speaker, int turn, List<Sentence> out) {
            String all = text.toString();
            int from = 0;
            Matcher m = END.matcher(all);
            while (m.find()) {
                if (isAbbreviation(all, m.start())) continue;
                emit(from, m.end(), speaker, turn, out);
                from = m.end();
            }
            emit(from, all.length(), speaker, turn, out);
        }

        private void emit(int from, int to, String speaker, int turn, List<Sentence> out) {
            List<int[]> words = new ArrayList<>();
            Matcher w = WORD.matcher(text);
            w.region(from, to);
            while (w.find()) words.add(new int[]{w.start(), w.end()});
            if (words.isEmpty()) return;
            if (words.size() <= MAX_SENTENCE_WORDS) {
                add(words.get(0)[0], words.get(words.size() - 1)[1], speaker, turn, out);
                return;
            }
            // a run-on stretch: first cut where the speaker changes course, then shorten what is still too long
            int p = 0;
            for (int i = MIN_MARKER_PIECE; i < words.size(); i++) {
                if (i - p >= MIN_MARKER_PIECE && isMarker(words, i)) {
                    shorten(words, p, i, speaker, turn, out);
                    p = i;
                }
            }
            shorten(words, p, words.size(), speaker, turn, out);
        }

        private void shorten(List<int[]> words, int from, int to, String speaker, int turn, List<Sentence> out) {
            int p = from;
            while (to - p > MAX_SENTENCE_WORDS) {
                int cut = cutPoint(words, p, to);
                add(words.get(p)[0], words.get(cut - 1)[1], speaker, turn, out);
                p = cut;
            }
            add(words.get(p)[0], words.get(to - 1)[1], speaker, turn, out);
        }

        private boolean isMarker(List<int[]> words, int i) {
            String w = word(words.get(i));
            if (w.equals("well")) return !word(words.get(i - 1)).equals("as");
            return STRONG_MARKERS.contains(w) || w.equals("um") || w.equals("uh");
        }

        /** Where to end a piece of a run-on stretch: before an "and", else at a cue boundary, else a hard cut. */
        private int cutPoint(List<int[]> words, int p, int to) {
            int last = Math.min(p + MAX_PIECE, to - 1);
            for (int i = p + MIN_PIECE; i <= last; i++) {
                if (word(words.get(i)).equals("and")) return i;
            }
            for (int i = p + MIN_PIECE; i <= last; i++) {
                if (offsets.contains(words.get(i)[0])) return i;
            }
            return p + 30;
        }

        private String word(int[] span) {
            return text.substring(span[0], span[1]).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        }

        private void add(int from, int to, String speaker, int turn, List<Sentence> out) {
            String s = text.substring(from, to).trim();
            if (!s.isEmpty()) out.add(new Sentence(s, timeAt(from), speaker, turn, TOPIC_SHIFT.matcher(s).find()));
        }

        /** Start of the segment holding {@code offset}, interpolated by position when the segment's end is known. */
        private double timeAt(int offset) {
            int k = 0;
            while (k + 1 < offsets.size() && offsets.get(k + 1) <= offset) k++;
            Segment s = parts.get(k);
            int segStart = offsets.get(k);
            int segEnd = k + 1 < offsets.size() ? offsets.get(k + 1) - 1 : text.length();
            if (s.end() == null || s.end() <= s.start() || segEnd <= segStart) return s.start();
            double fraction = (offset - segStart) / (double) (segEnd - segStart);
            return s.start() + fraction * (s.end() - s.start());
        }

        private boolean isAbbreviation(String all, int periodAt) {
            if (all.charAt(periodAt) != '.') return false;
            int b = periodAt;
            while (b > 0 && !Character.isWhitespace(all.charAt(b - 1))) b--;
            String before = all.substring(b, periodAt).toLowerCase(Locale.ROOT);
            if (ABBREVIATIONS.contains(before)) return true;
            // a single capital letter before the period is an initial ("J. R. Smith"), not a sentence end
            return before.length() == 1 && Character.isUpperCase(all.charAt(b));
        }
    }
}
