package com.podcastinsights.transcript;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an operator checks first about a transcript: how many segments and words, who speaks, and how far
 * into the episode it reaches ({@code durationSeconds}: the latest end, or start where no end is known).
 */
public record TranscriptStats(int segments, int words, List<String> speakers, double durationSeconds,
                              boolean timed) {
    public TranscriptStats {
        speakers = List.copyOf(speakers);
    }

    public static TranscriptStats of(List<Segment> segments) {
        int words = 0;
        double reach = 0;
        boolean timed = false;
        Set<String> speakers = new LinkedHashSet<>();
        for (Segment s : segments) {
            String text = s.text() == null ? "" : s.text().strip();
            if (!text.isEmpty()) words += text.split("\\s+").length;
            if (s.speaker() != null) speakers.add(s.speaker());
            double last = s.end() != null ? Math.max(s.end(), s.start()) : s.start();
            reach = Math.max(reach, last);
            if (s.start() > 0 || s.end() != null) timed = true;
        }
        return new TranscriptStats(segments.size(), words, new ArrayList<>(speakers), Math.round(reach * 1000) / 1000.0,
                timed);
    }
}
