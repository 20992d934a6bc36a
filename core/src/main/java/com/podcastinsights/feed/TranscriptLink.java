package com.podcastinsights.feed;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One {@code podcast:transcript} of an item: an item may offer the same transcript in several formats. */
public record TranscriptLink(String url, String type, String language, String rel) {

    /** Lower is better: structured formats keep speakers and timing, so they beat HTML and plain text. */
    public int preference() {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("json")) return 0;
        if (t.contains("vtt")) return 1;
        if (t.contains("srt") || t.contains("subrip")) return 2;
        if (t.contains("html")) return 3;
        if (t.startsWith("text/")) return 4;
        return 5;
    }

    /** The most useful of several links; the first one wins a tie, as the feed listed it. */
    public static Optional<TranscriptLink> best(List<TranscriptLink> links) {
        return links.stream().min(Comparator.comparingInt(TranscriptLink::preference));
    }
}
