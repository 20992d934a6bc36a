package com.podcastinsights.transcript;

import java.util.regex.Pattern;

/**
 * Cue times as transcripts write them: {@code 01:02:03.456}, {@code 02:03.456}, {@code 3.456},
 * with a comma (SRT) or a dot (VTT) before the milliseconds.
 */
final class Timestamps {
    private static final Pattern FORM = Pattern.compile("(?:(?:(\\d+):)?(\\d{1,2}):)?(\\d{1,2}|\\d+)(?:[.,](\\d{1,9}))?");

    private Timestamps() {
    }

    /** Seconds, or null when {@code text} is not a timestamp. */
    static Double parse(String text) {
        if (text == null) return null;
        var m = FORM.matcher(text.trim());
        if (!m.matches()) return null;
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (m.group(2) != null && (minutes > 59 || seconds > 59)) return null;
        double fraction = m.group(4) == null ? 0 : Double.parseDouble("0." + m.group(4));
        return hours * 3600.0 + minutes * 60.0 + seconds + fraction;
    }
}
