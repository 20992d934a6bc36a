package com.podcastinsights.feed;

/**
 * Reads {@code itunes:duration}: {@code H:MM:SS}, {@code MM:SS} (minutes may pass 59), plain seconds, and
 * seconds with a fraction ({@code 61.08}). Anything else is null: a wrong length is worse than none.
 */
public final class Durations {
    private Durations() {
    }

    public static Integer seconds(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.isEmpty()) return null;
        String[] parts = s.split(":", -1);
        if (parts.length > 3) return null;
        double total = 0;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            Double v = number(parts[i], last);
            if (v == null) return null;
            boolean first = i == 0;
            // Leading parts may be large (MM:SS with 90 minutes); the ones after a colon stay under 60.
            if (!first && v >= 60) return null;
            total = total * 60 + v;
        }
        return total > Integer.MAX_VALUE ? null : (int) Math.round(Math.floor(total));
    }

    private static Double number(String p, boolean fractionAllowed) {
        if (p.isEmpty() || p.length() > 12) return null;
        int dots = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return null;
        }
        if (dots > 1 || (dots == 1 && !fractionAllowed) || p.equals(".")) return null;
        return Double.parseDouble(p);
    }
}
