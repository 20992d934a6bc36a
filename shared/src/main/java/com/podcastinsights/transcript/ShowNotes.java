package com.podcastinsights.transcript;

import java.util.List;

/**
 * The fallback when an episode has no usable transcript: its show notes, HTML stripped, one segment per
 * paragraph, all at time 0 because notes have no timing.
 */
public final class ShowNotes {
    public static final String SOURCE = "show-notes";

    private ShowNotes() {
    }

    public static ParsedTranscript parse(String showNotes) {
        List<Segment> segments = HtmlText.lines(showNotes).stream()
                .map(line -> new Segment(0, null, null, line))
                .toList();
        return new ParsedTranscript(SOURCE, segments);
    }
}
