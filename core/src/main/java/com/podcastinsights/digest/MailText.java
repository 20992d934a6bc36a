package com.podcastinsights.digest;

import java.util.Locale;

/** Small text helpers for mail: escaping, header safety, timestamps, the sender's domain. */
public final class MailText {
    private MailText() {
    }

    public static String escapeHtml(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A header value on one line: CR, LF and other control characters become spaces, so text from a feed can
     * never start a new header (header injection) or break the message.
     */
    public static String headerValue(String s) {
        if (s == null) return "";
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").trim();
    }

    /** Feed text for one item of the plain part: on one line, so it cannot break the part's layout. */
    public static String plain(String s) {
        if (s == null) return "";
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").trim();
    }

    /** 754.2 -> "12:34"; 3725 -> "1:02:05". */
    public static String timestamp(double seconds) {
        long t = Math.max(0, (long) seconds);
        long h = t / 3600, m = (t % 3600) / 60, s = t % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** Shortens at a word boundary to at most {@code max} characters, marking the cut with an ellipsis. */
    public static String shorten(String s, int max) {
        String t = headerValue(s);
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return t.substring(0, cut).replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
    }

    /** Links from a feed go into the email only when they are plain web links. */
    public static boolean isWebLink(String url) {
        if (url == null) return false;
        String u = url.trim().toLowerCase(Locale.ROOT);
        return (u.startsWith("https://") || u.startsWith("http://")) && !u.matches("(?s).*[\\s\\p{Cntrl}].*");
    }

    /** The sender address's domain ("Name <a@example.com>" -> "example.com"), for Message-IDs. */
    public static String senderDomain(String sender) {
        String s = headerValue(sender);
        int lt = s.indexOf('<');
        if (lt >= 0) s = s.substring(lt + 1).replace(">", "");
        int at = s.lastIndexOf('@');
        return at >= 0 ? s.substring(at + 1).trim() : "localhost";
    }
}
