package com.podcastinsights.digest;

import com.podcastinsights.html.HtmlEscape;

import java.util.Locale;

/** Small text helpers for mail: escaping, header safety, timestamps, the sender's domain. */
public final class MailText {
    private MailText() {
    }

    /** Safe in text and in quoted attributes; null as the empty string. */
    public static String escapeHtml(String s) {
        return HtmlEscape.attribute(s);
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

    /** Runs of this many characters without a space get a break opportunity in the HTML part. */
    static final int LONGEST_UNBROKEN = 30;
    private static final java.util.regex.Pattern LONG_RUN =
            java.util.regex.Pattern.compile("\\S{" + LONGEST_UNBROKEN + "}(?=\\S)");

    /**
     * A zero-width space after every {@link #LONGEST_UNBROKEN} characters of an unbroken run (a URL, a joke
     * word), so it wraps on a phone: {@code overflow-wrap} and {@code word-break} are missing in major clients.
     */
    public static String breakable(String s) {
        if (s == null) return "";
        return LONG_RUN.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group()) + "\u200B");
    }

    private static final java.util.regex.Pattern NO_NAME = java.util.regex.Pattern.compile(
            "(?i)(speaker|spk|host|guest|co-?host|narrator|unknown|interviewer|voice|s)[ _-]?\\d*");

    /**
     * A speaker's name worth printing, or null: diarization labels ("Speaker 1", "spk_0") and roles ("Host",
     * "Guest") name nobody.
     */
    public static String speakerName(String speaker) {
        String s = plain(speaker);
        if (s.isEmpty() || s.length() > 60
                || NO_NAME.matcher(s).matches()) {
            return null;
        }
        return s;
    }

    /** Links from a feed go into the email only when they are plain web links. */
    public static boolean isWebLink(String url) {
        if (url == null) return false;
        String u = url.trim().toLowerCase(Locale.ROOT);
        return (u.startsWith("https://") || u.startsWith("http://")) && !u.matches("(?s).*[\\s\\p{Cntrl}].*");
    }

    /**
     * The From line: "Name <address>" (MimeMessageWriter quotes or RFC 2047-encodes the name), or the address
     * alone when there is no name or {@code address} already carries one.
     */
    public static String fromLine(String name, String address) {
        String a = headerValue(address);
        String n = headerValue(name).replaceAll("[<>\"\\\\]", "").trim();
        if (n.isEmpty() || a.contains("<")) return a;
        return n + " <" + a + ">";
    }

    /** The bare address of "Name <a@example.com>" or of "a@example.com". */
    public static String address(String mailbox) {
        String s = headerValue(mailbox);
        int lt = s.lastIndexOf('<');
        return lt >= 0 ? s.substring(lt + 1).replace(">", "").trim() : s;
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
