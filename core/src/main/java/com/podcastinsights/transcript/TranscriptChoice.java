package com.podcastinsights.transcript;

import com.podcastinsights.feed.TranscriptLink;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order in which to try the transcripts an episode lists: those in the feed's language first (a link
 * with no language is taken to be in the feed's language), then by format, JSON, VTT, SRT, HTML, text, as
 * structured formats keep timing and speakers. Ties keep the feed's order. Later links are fallbacks for
 * when an earlier one cannot be fetched or read.
 */
public final class TranscriptChoice {
    private static final List<String> FORMATS = List.of(TranscriptParsers.JSON, TranscriptParsers.VTT,
            TranscriptParsers.SRT, TranscriptParsers.HTML, TranscriptParsers.TEXT);

    private TranscriptChoice() {
    }

    public static List<TranscriptLink> inOrder(List<TranscriptLink> links, String feedLanguage) {
        return links.stream()
                .sorted(Comparator.comparingInt((TranscriptLink l) -> languageRank(l.language(), feedLanguage))
                        .thenComparingInt(TranscriptChoice::formatRank))
                .toList();
    }

    /** The language a transcript from this link is in: its own, else the feed's; null when neither says. */
    public static String languageOf(TranscriptLink link, String feedLanguage) {
        String own = blankToNull(link.language());
        return own != null ? own : blankToNull(feedLanguage);
    }

    private static int formatRank(TranscriptLink link) {
        String format = TranscriptParsers.formatOf(link.type());
        return format == null ? FORMATS.size() : FORMATS.indexOf(format);
    }

    /** 0: same language (or either unknown); 1: another language. Compares primary subtags: en-US is en. */
    private static int languageRank(String linkLanguage, String feedLanguage) {
        String a = primary(linkLanguage), b = primary(feedLanguage);
        return a == null || b == null || a.equals(b) ? 0 : 1;
    }

    private static String primary(String tag) {
        String t = blankToNull(tag);
        if (t == null) return null;
        return t.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
