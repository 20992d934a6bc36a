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

    /** {@code declaredLanguage}: what the feed says; the transcript's own words win when they are clear. */
    public Transcript toTranscript(String feedId, String episodeId, String declaredLanguage) {
        return new Transcript(feedId, episodeId, Languages.resolve(declaredLanguage, segments), source, segments);
    }
}
