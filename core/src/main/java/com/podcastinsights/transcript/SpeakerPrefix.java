package com.podcastinsights.transcript;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a "Name: words" speaker label at the start of a line. Names are short and capitalised, so an
 * ordinary sentence with a colon ("Here is the thing: ...") is not taken for a speaker; diarization labels
 * such as "SPEAKER_1" count as names. Words that label a remark rather than a voice ("Note:", "Update:") are
 * not speakers either: since a label carries over to the following lines, one such word would otherwise
 * take over the rest of the transcript.
 */
final class SpeakerPrefix {
    private static final Pattern LABEL = Pattern.compile(
            "^(?:-\\s*)?(\\p{Lu}[\\p{L}\\p{M}\\d_'.\\-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\p{M}\\d_'.\\-]*){0,3})\\s*:\\s+(\\S.*)$");
    private static final Set<String> NOT_SPEAKERS = Set.of(
            "note", "notes", "nb", "n.b.", "ps", "p.s.", "update", "edit", "editor's note", "editors note",
            "editor\u2019s note", "warning", "caution", "content warning", "trigger warning", "correction",
            "disclaimer", "disclosure", "transcript", "source", "sources", "credit", "credits", "link", "links",
            "tip", "summary", "chapter", "chapters", "example", "important", "reminder", "spoiler",
            "quote", "fact", "bonus", "also", "see", "read more", "listen", "website", "email", "twitter");

    private SpeakerPrefix() {
    }

    record Labelled(String speaker, String text) {
    }

    /**
     * Automatic transcripts write the speaker into the text as {@code [Name]: }, at the start of every caption
     * line and so often mid-sentence, sometimes several times in one cue. Each label starts a piece of that
     * speaker's speech; "Unknown" is the diarizer admitting it does not know, so its piece carries no speaker
     * and the reader keeps the previous one.
     */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]:]{1,40})\\]:\\s*");

    static java.util.List<Labelled> splitBracketed(String line) {
        var m = BRACKETED.matcher(line);
        java.util.List<Labelled> out = new java.util.ArrayList<>();
        int from = 0;
        String speaker = null;
        while (m.find()) {
            addPiece(out, speaker, line.substring(from, m.start()));
            String name = m.group(1).strip();
            speaker = name.equalsIgnoreCase("unknown") ? null : name;
            from = m.end();
        }
        if (from == 0) return java.util.List.of(new Labelled(null, line));
        addPiece(out, speaker, line.substring(from));
        return out;
    }

    private static void addPiece(java.util.List<Labelled> out, String speaker, String text) {
        String t = text.strip();
        if (!t.isEmpty()) out.add(new Labelled(speaker, t));
    }

    static Labelled split(String line) {
        var m = LABEL.matcher(line.strip());
        if (m.matches() && !NOT_SPEAKERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return new Labelled(m.group(1), m.group(2).strip());
        }
        return new Labelled(null, line.strip());
    }
}
