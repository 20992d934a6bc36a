package com.podcastinsights.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds actually publish: RFC 822 in its many variants (2- or 4-digit years, no seconds,
 * RFC 850's "06-Nov-94",
 * "Sept", missing or extra commas, named zones, "+hh:mm", no zone meaning UTC, asctime order) and ISO 8601
 * / W3C-DTF with any fraction. A date that cannot be read, or names an impossible day or time, is null
 * rather than a guess.
 */
public final class FeedDates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-(\\d{1,3})(?:-(\\d{1,2}))?)?"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?"
                    // A zone only after a time: "2013-01-27-01" is not a date with offset -01.
                    + " ?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    /** RFC 850 (and HTTP's old cookie dates): "Sunday, 06-Nov-94 08:49:37 GMT". */
    private static final Pattern DASHED = Pattern.compile("(\\d{1,2})-([A-Za-z]{3,9})\\.?-(\\d{2}|\\d{4})");
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday"};
    /** Zone names feeds use; the one-letter US forms (ET, PT) appear too. Minutes east of UTC. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("ETC/GMT", 0), Map.entry("ETC/UTC", 0),
            Map.entry("AST", -240), Map.entry("ADT", -180), Map.entry("AT", -240),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("ET", -300),
            Map.entry("CST", -360), Map.entry("CDT", -300), Map.entry("CT", -360),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("MT", -420),
            Map.entry("PST", -480), Map.entry("PDT", -420), Map.entry("PT", -480),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600),
            Map.entry("BST", 60), Map.entry("IST", 60), Map.entry("WEST", 60), Map.entry("CET", 60),
            Map.entry("MET", 60), Map.entry("CEST", 120), Map.entry("MEST", 120), Map.entry("EET", 120),
            Map.entry("EEST", 180), Map.entry("MSK", 180), Map.entry("JST", 540), Map.entry("KST", 540),
            Map.entry("AWST", 480), Map.entry("ACST", 570), Map.entry("AEST", 600), Map.entry("AEDT", 660),
            Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private FeedDates() {
    }

    /** The instant as ISO-8601 UTC text, or null. */
    public static String toIso(String text) {
        Instant i = parse(text);
        return i == null ? null : i.toString();
    }

    public static Instant parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.isEmpty() || s.length() > 80) return null;
        try {
            Matcher iso = ISO.matcher(s);
            if (iso.matches()) return iso(iso);
            return rfc822(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant iso(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
        ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC : offset(m.group(8));
        if (offset == null) return null;
        // LocalDateTime.of refuses 30 February, hour 25 and the like: that is what makes such dates null.
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    }

    /** Token by token, so the parts may come in RFC 822 or asctime order, with or without commas. */
    private static Instant rfc822(String s) {
        String bare = s.replace(',', ' ').trim();
        if (bare.isEmpty()) return null; // only commas
        List<String> tokens = tokens(bare);
        Integer day = null, month = null, year = null;
        int hour = 0, minute = 0, second = 0;
        boolean timeSeen = false;
        ZoneOffset offset = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            char c = t.charAt(0);
            Matcher m;
            if (Character.isDigit(c)) {
                // Each pattern needs its separator; testing for it first spares most tokens three matchers.
                int[] time = t.indexOf(':') > 0 ? time(t) : null;
                if (time != null) {
                    if (timeSeen) return null;
                    timeSeen = true;
                    hour = time[0];
                    minute = time[1];
                    second = time[2];
                } else if (t.indexOf('-') > 0 && (m = DASHED.matcher(t)).matches()) {
                    Integer mo = named(m.group(2), MONTHS);
                    if (year != null || month != null || day != null || mo == null) return null;
                    day = Integer.parseInt(m.group(1));
                    month = mo + 1;
                    year = fullYear(m.group(3));
                } else if (t.indexOf('/') > 0 && (m = SLASHED.matcher(t)).matches()) {
                    if (year != null) return null;
                    year = Integer.parseInt(m.group(1));
                    month = Integer.parseInt(m.group(2));
                    day = Integer.parseInt(m.group(3));
                } else if (!allDigits(t)) {
                    return null;
                } else if (t.length() == 4 && year == null) {
                    year = Integer.parseInt(t);
                } else if (t.length() <= 2 && day == null) {
                    day = Integer.parseInt(t);
                } else if (t.length() == 2 && year == null && month != null) {
                    year = fullYear(t);
                } else {
                    return null;
                }
            } else if (c == '+' || c == '-') {
                if (offset != null) return null;
                offset = offset(t);
                if (offset == null) return null;
            } else if (Character.isLetter(c)) {
                String word = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
                Integer mo = named(word, MONTHS);
                if (mo != null) {
                    if (month != null) return null;
                    month = mo + 1;
                } else if (named(word, WEEKDAYS) != null && i == 0) {
                    continue; // the weekday says nothing the date does not
                } else {
                    if (offset != null) return null;
                    offset = zone(word);
                    if (offset == null) return null;
                }
            } else {
                return null;
            }
        }
        if (day == null || month == null || year == null) return null;
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    /** A two-digit year as feed readers agree to read it: 90-99 are the 1990s, 00-89 this century. */
    private static int fullYear(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() > 2 ? y : y < 90 ? 2000 + y : 1900 + y;
    }

    /** The index of the name {@code word} abbreviates (at least three letters: "Sep", "Sept", "September"). */
    private static Integer named(String word, String[] names) {
        if (word.length() < 3) return null;
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith(w)) return i;
        }
        return null;
    }

    private static ZoneOffset zone(String word) {
        String z = word.toUpperCase(Locale.ROOT);
        Integer minutes = ZONES.get(z);
        if (minutes != null) return ZoneOffset.ofTotalSeconds(minutes * 60);
        // "GMT-01:01", "UTC+2": a zone name followed by an offset from it.
        for (String prefix : new String[] {"GMT", "UTC", "UT"}) {
            if (z.startsWith(prefix) && z.length() > prefix.length()) {
                char sign = z.charAt(prefix.length());
                return sign == '+' || sign == '-' ? offset(z.substring(prefix.length())) : null;
            }
        }
        // An unknown zone name shifts the time by a few hours at most; better than dropping the date.
        return z.length() <= 5 && z.chars().allMatch(Character::isLetter) ? ZoneOffset.UTC : null;
    }

    /**
     * "+H", "+HH", "+HMM", "+HHMM", "+H:MM" or "+HH:MM" (or "-"), ASCII digits, as regex
     * {@code ([+-])(\\d{1,2})(?::?(\\d{2}))?} reads them; by hand, as every item's date has one.
     */
    private static ZoneOffset offset(String text) {
        int n = text.length();
        if (n < 2 || (text.charAt(0) != '+' && text.charAt(0) != '-')) return null;
        int colon = text.indexOf(':');
        int hours;
        int minutes;
        if (colon >= 0) {
            if (colon > 3 || n - colon - 1 != 2) return null;
            hours = digits(text, 1, colon);
            minutes = digits(text, colon + 1, n);
        } else if (n <= 3) {
            hours = digits(text, 1, n);
            minutes = 0;
        } else if (n <= 5) {
            hours = digits(text, 1, n - 2);
            minutes = digits(text, n - 2, n);
        } else {
            return null;
        }
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) return null;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /**
     * Hour, minute and second of "H:M", "H:M:S" or "H:M:S.fff" (one or two ASCII digits each, any fraction
     * ignored), as regex {@code (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,]\\d+)?)?} reads them; else null.
     */
    private static int[] time(String t) {
        int n = t.length();
        int[] hms = new int[3];
        int i = 0;
        for (int part = 0; part < 3; part++) {
            int start = i;
            while (i < n && i - start < 2 && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
            if (i == start) return null;
            hms[part] = digits(t, start, i);
            if (i == n) return part == 0 ? null : hms;
            char c = t.charAt(i);
            if (part < 2 && c == ':') {
                i++;
                continue;
            }
            if (part == 2 && (c == '.' || c == ',')) {
                int fraction = ++i;
                while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
                return i > fraction && i == n ? hms : null;
            }
            return null;
        }
        return null;
    }

    /** The ASCII digits t[from, to) as a number, or -1 when empty or any is not a digit. */
    private static int digits(String t, int from, int to) {
        if (from >= to) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@code s} (trimmed) split at runs of whitespace as regex {@code \\s} means it; without a regex per date. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(8);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) i++;
            out.add(s.substring(start, i));
            while (i < n && isSpace(s.charAt(i))) i++;
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) return false;
        }
        return true;
    }
}
