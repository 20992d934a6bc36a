package com.podcastinsights.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds actually publish: RFC 822 in its many variants (RSS) and ISO 8601 (Atom, and RSS
 * feeds that ignore the spec). A date that cannot be read, or names an impossible day, is null rather than
 * a guess.
 */
public final class FeedDates {
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]+\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*(.*)");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{2}):?(\\d{2})?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
            Map.entry("BST", 1), Map.entry("CET", 1), Map.entry("CEST", 2));

    private FeedDates() {
    }

    /** The instant as ISO-8601 UTC text, or null. */
    public static String toIso(String text) {
        Instant i = parse(text);
        return i == null ? null : i.toString();
    }

    public static Instant parse(String text) {
        if (text == null) return null;
        String s = text.trim().replaceAll("\\s+", " ");
        if (s.isEmpty()) return null;
        try {
            if (Character.isDigit(s.charAt(0)) && s.length() >= 10 && s.charAt(4) == '-') {
                return iso(s);
            }
            return rfc822(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant iso(String s) {
        String t = s.replace(' ', 'T');
        // "+0000" is common in feeds but not ISO; java.time wants "+00:00".
        t = t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through: no offset, or no time
        }
        try {
            return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant rfc822(String s) {
        Matcher m = RFC822.matcher(s);
        if (!m.matches()) return null;
        int day = Integer.parseInt(m.group(1));
        String monthName = m.group(2).toLowerCase(Locale.ROOT);
        Integer month = MONTHS.get(monthName.substring(0, 3));
        if (month == null) return null;
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) year += year < 50 ? 2000 : 1900;
        else if (m.group(3).length() != 4) return null;
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        ZoneOffset offset = zone(m.group(7).trim());
        if (offset == null) return null;
        // LocalDateTime.of refuses 30 February, hour 25 and the like: that is what makes such dates null.
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset);
    }

    private static ZoneOffset zone(String z) {
        if (z.isEmpty()) return ZoneOffset.UTC;
        String first = z.split(" ")[0];
        Matcher n = NUMERIC_ZONE.matcher(first);
        if (n.matches()) {
            int hours = Integer.parseInt(n.group(2));
            int minutes = n.group(3) == null ? 0 : Integer.parseInt(n.group(3));
            int sign = n.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        Integer hours = ZONES.get(first.toUpperCase(Locale.ROOT));
        if (hours != null) return ZoneOffset.ofHours(hours);
        // An unknown zone name shifts the time by a few hours at most; better than dropping the date.
        return first.chars().allMatch(Character::isLetter) ? ZoneOffset.UTC : null;
    }
}
