package com.podcastinsights.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The media files an item offers ({@code enclosure}, Atom {@code link rel="enclosure"}, {@code media:content}),
 * and the one that is the episode: audio first, then video, by type, or by the file's extension when the type
 * is missing or generic. Cover art, PDFs and the like are never the episode, wherever the feed lists them.
 */
final class Enclosures {
    /** One candidate, as written; {@code media} for media:content, which loses ties to a real enclosure. */
    record Candidate(String url, String type, Long length, boolean media) {
    }

    private static final Set<String> AUDIO_EXT = Set.of("mp3", "m4a", "m4b", "aac", "ogg", "oga", "opus", "wav",
            "flac", "mp2", "mpga", "wma", "aif", "aiff", "amr", "spx");
    private static final Set<String> VIDEO_EXT = Set.of("mp4", "m4v", "mov", "webm", "mkv", "avi", "ogv", "mpg",
            "mpeg", "wmv", "3gp", "flv", "m3u8");
    /** Files a generic type may hide that are surely not the episode; any other extension might be. */
    private static final Set<String> NOT_MEDIA_EXT = Set.of("jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "ico",
            "pdf", "txt", "htm", "html", "srt", "vtt", "json", "xml", "epub", "zip", "doc", "docx");
    private static final Set<String> GENERIC_TYPES = Set.of("", "application/octet-stream", "binary/octet-stream",
            "application/binary", "application/x-unknown", "application/unknown", "application/download",
            "application/force-download", "application/x-download");
    private static final int AUDIO = 0, VIDEO = 1, UNKNOWN = 2, OTHER = 3;

    private final List<Candidate> candidates = new ArrayList<>(2);

    void add(String url, String type, Long length, boolean media) {
        if (url != null && !url.isBlank()) candidates.add(new Candidate(url, type, length, media));
    }

    /** The episode's media file, or null when the item offers none. */
    Candidate best() {
        Candidate best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Candidate c : candidates) {
            int kind = kind(c);
            if (kind == OTHER) continue;
            int rank = kind * 2 + (c.media() ? 1 : 0);
            if (rank < bestRank) {
                best = c;
                bestRank = rank;
            }
        }
        return best;
    }

    static int kind(Candidate c) {
        String t = c.type() == null ? "" : c.type().strip().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).strip();
        if (t.startsWith("audio/") || t.equals("application/ogg")) return AUDIO;
        if (t.startsWith("video/")) return VIDEO;
        if (t.equals("application/x-mpegurl") || t.equals("application/vnd.apple.mpegurl")) return VIDEO;
        String ext = extension(c.url());
        boolean generic = GENERIC_TYPES.contains(t) || t.indexOf('/') < 0;
        // "application/mp3" and the like: a made-up application type on an audio file is still the audio
        if (generic || t.startsWith("application/")) {
            if (AUDIO_EXT.contains(ext)) return AUDIO;
            if (VIDEO_EXT.contains(ext)) return VIDEO;
            if (generic) return NOT_MEDIA_EXT.contains(ext) ? OTHER : UNKNOWN;
        }
        return OTHER;
    }

    /** The lower-case extension of the URL's path ("mp3"), or "". */
    static String extension(String url) {
        String u = url;
        int cut = u.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = u.indexOf(stop);
            if (at >= 0 && at < cut) cut = at;
        }
        u = u.substring(0, cut);
        int slash = u.lastIndexOf('/');
        int dot = u.lastIndexOf('.');
        if (dot <= slash || dot == u.length() - 1 || u.length() - dot > 6) return "";
        return u.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
