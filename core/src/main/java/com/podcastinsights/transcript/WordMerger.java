package com.podcastinsights.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins word- or phrase-level pieces into sentences: consecutive pieces of one speaker until one ends a
 * sentence, so that later stages see readable spans. A sentence keeps its first start and its last end.
 */
final class WordMerger {
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?\u2026][\"'\u201d\u2019)]*$");
    private static final Pattern ATTACHES_LEFT = Pattern.compile("^[,.;:!?\u2026)\\]\"'\u201d\u2019%].*");
    /** A long run without punctuation is still cut, so one segment cannot swallow the episode. */
    static final int MAX_SEGMENT_CHARS = 1_000;

    private WordMerger() {
    }

    /** One piece of text; times in seconds, either may be null when the source gives none. */
    record Word(Double start, Double end, String speaker, String text) {
    }

    static List<Segment> merge(List<Word> words) {
        List<Segment> out = new ArrayList<>();
        Segment open = null;
        StringBuilder text = new StringBuilder();
        for (Word w : words) {
            String body = w.text() == null ? "" : w.text().strip();
            if (body.isEmpty()) continue;
            if (open != null && !same(open.speaker(), w.speaker())) {
                out.add(close(open, text));
                open = null;
            }
            if (open == null) {
                open = new Segment(w.start() == null ? 0 : w.start(), w.end(), w.speaker(), null);
                text.setLength(0);
            } else {
                open = new Segment(open.start(), w.end() != null ? w.end() : open.end(), open.speaker(), null);
            }
            if (!text.isEmpty() && !ATTACHES_LEFT.matcher(body).matches()) text.append(' ');
            text.append(body);
            if (SENTENCE_END.matcher(body).matches() || text.length() >= MAX_SEGMENT_CHARS) {
                out.add(close(open, text));
                open = null;
            }
        }
        if (open != null) out.add(close(open, text));
        return out;
    }

    private static Segment close(Segment open, StringBuilder text) {
        Segment s = new Segment(open.start(), open.end(), open.speaker(), text.toString().replaceAll("\\s+", " ").strip());
        text.setLength(0);
        return s;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
