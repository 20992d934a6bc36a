package com.podcastinsights.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text transcripts: one paragraph per line, optionally "[00:01:02] Speaker: words". Lines without
 * a time inherit the previous one, since a text file has no other timing.
 */
final class PlainTextParser {
    private static final Pattern LEADING_TIME = Pattern.compile("^\\[?\\(?((?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:[.,]\\d+)?)\\)?]?\\s+(.*)$");

    private PlainTextParser() {
    }

    static List<Segment> parse(String text) {
        List<Segment> out = new ArrayList<>();
        double start = 0;
        String speaker = null;
        for (String raw : text.split("\\R")) {
            String line = raw.replaceAll("\\s+", " ").strip();
            if (line.isEmpty()) continue;
            Matcher t = LEADING_TIME.matcher(line);
            if (t.matches()) {
                Double s = Timestamps.parse(t.group(1));
                if (s != null) {
                    start = s;
                    line = t.group(2).strip();
                }
            }
            SpeakerPrefix.Labelled l = SpeakerPrefix.split(line);
            if (l.speaker() != null) speaker = l.speaker();
            if (!l.text().isEmpty()) out.add(new Segment(start, null, speaker, l.text()));
        }
        return out;
    }
}
