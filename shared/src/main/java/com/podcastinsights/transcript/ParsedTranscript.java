package com.podcastinsights.transcript;

import java.util.List;

/** Segments read from one document, and the format they came from (see {@link Transcript#source()}). */
public record ParsedTranscript(String source, List<Segment> segments) {
    public ParsedTranscript {
        segments = List.copyOf(segments);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public Transcript toTranscript(String feedId, String episodeId, String language) {
        return new Transcript(feedId, episodeId, language, source, segments);
    }
}
