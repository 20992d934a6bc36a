package com.podcastinsights.transcript;

import java.util.regex.Pattern;

/**
 * Reads a "Name: words" speaker label at the start of a line. Names are short and capitalised, so an
 * ordinary sentence with a colon ("Here is the thing: ...") is not taken for a speaker.
 */
final class SpeakerPrefix {
    private static final Pattern LABEL = Pattern.compile(
            "^(?:-\\s*)?(\\p{Lu}[\\p{L}\\p{M}'.\\-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\p{M}\\d'.\\-]*){0,3})\\s*:\\s+(\\S.*)$");

    private SpeakerPrefix() {
    }

    record Labelled(String speaker, String text) {
    }

    static Labelled split(String line) {
        var m = LABEL.matcher(line.strip());
        if (m.matches()) return new Labelled(m.group(1), m.group(2).strip());
        return new Labelled(null, line.strip());
    }
}
