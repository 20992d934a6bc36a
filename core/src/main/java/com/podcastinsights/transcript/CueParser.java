package com.podcastinsights.transcript;

import com.podcastinsights.html.HtmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT and SRT: both are cues of "start --> end" followed by text lines, and real files bend both specs
 * (missing headers, stray blank lines inside cues, numbers with no cue), so one tolerant reader serves both.
 *
 * <p>Speakers come from VTT voice tags ({@code <v Name>}) or from a "Name:" prefix. A cue with lines from
 * several voices becomes one segment per voice. Transcribers label a speaker only where the turn changes, so
 * a cue with no label belongs to the last one named.
 */
final class CueParser {
    private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+?)\\s*-->\\s*(\\S+)(?:\\s+.*)?$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SSA_OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private CueParser() {
    }

    static List<Segment> parse(String text) {
        String[] lines = text.split("\\R", -1);
        List<Cue> cues = new ArrayList<>();
        Cue current = null;
        boolean blockStart = true;
        boolean skippingBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                blockStart = true;
                skippingBlock = false;
                continue;
            }
            if (skippingBlock) continue;
            if (blockStart && startsBlockToSkip(trimmed)) {
                // Header, NOTE, STYLE and REGION blocks run to the next blank line and hold no speech.
                skippingBlock = true;
                blockStart = false;
                continue;
            }
            Matcher t = TIMING.matcher(line);
            Double start = t.matches() ? Timestamps.parse(t.group(1)) : null;
            if (start != null) {
                current = new Cue(start, Timestamps.parse(t.group(2)));
                cues.add(current);
                blockStart = false;
                continue;
            }
            // an arrow between words ("A --> B") is speech, not a timing line
            boolean identifierLine = blockStart && i + 1 < lines.length && TIMING.matcher(lines[i + 1]).matches()
                    || DIGITS.matcher(trimmed).matches() && nextNonBlankIsTiming(lines, i + 1);
            blockStart = false;
            if (identifierLine) {
                continue; // a cue id or SRT counter, not speech
            }
            if (current != null) current.lines.add(trimmed);
        }
        List<Segment> out = new ArrayList<>();
        String speaker = null;
        for (Cue c : cues) {
            speaker = c.addSegments(out, speaker);
        }
        return out;
    }

    private static boolean nextNonBlankIsTiming(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!lines[j].isBlank()) return TIMING.matcher(lines[j]).matches();
        }
        return false;
    }

    private static boolean startsBlockToSkip(String line) {
        return line.startsWith("WEBVTT") || line.equals("NOTE") || line.startsWith("NOTE ") || line.startsWith("NOTE\t")
                || line.equals("STYLE") || line.equals("REGION") || line.startsWith("\uFEFFWEBVTT");
    }

    private static final class Cue {
        final double start;
        final Double end;
        final List<String> lines = new ArrayList<>();

        Cue(double start, Double end) {
            this.start = start;
            this.end = end;
        }

        /** Adds this cue's segments; returns the speaker the next cue inherits. */
        String addSegments(List<Segment> out, String inherited) {
            String speaker = inherited;
            StringBuilder text = new StringBuilder();
            for (String raw : lines) {
                String voice = null;
                Matcher v = VOICE.matcher(raw);
                if (v.find()) voice = v.group(1).strip();
                String plain = HtmlText.decodeEntities(TAG.matcher(SSA_OVERRIDE.matcher(raw).replaceAll(""))
                        .replaceAll("")).replaceAll("\\s+", " ").strip();
                for (SpeakerPrefix.Labelled piece : SpeakerPrefix.splitBracketed(plain)) {
                    String lineSpeaker = voice != null ? voice : piece.speaker();
                    String words = piece.text();
                    if (lineSpeaker == null) {
                        SpeakerPrefix.Labelled l = SpeakerPrefix.split(words);
                        if (l.speaker() != null) {
                            lineSpeaker = l.speaker();
                            words = l.text();
                        }
                    }
                    if (words.isEmpty()) continue;
                    if (lineSpeaker != null && !lineSpeaker.equals(speaker) && !text.isEmpty()) {
                        out.add(new Segment(start, end, speaker, text.toString()));
                        text.setLength(0);
                    }
                    if (lineSpeaker != null) speaker = lineSpeaker;
                    if (!text.isEmpty()) text.append(' ');
                    text.append(words);
                }
            }
            if (!text.isEmpty()) out.add(new Segment(start, end, speaker, text.toString()));
            return speaker;
        }
    }
}
