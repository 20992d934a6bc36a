package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the inbox shows before the email is opened: the subject (the product, the date and one whole sentence)
 * and the preheader (the preview line). A subject is never a sentence cut in the middle: a reader who sees
 * "… because distillation lets a…" has to open the mail to learn what it meant.
 */
final class DigestHeadline {
    /** Longest sentence that goes into a subject; inboxes show about 40 (phone) to 90 (desktop) characters. */
    static final int SENTENCE_MAX = 72;
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?=\\s|$)");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DigestHeadline() {
    }

    /** "Podcast Insights, Fri 4 Dec: Most people guess the arithmetic, but …" (one header line). */
    static String subject(String day, List<Insight> insights) {
        return MailText.headerValue(DigestRenderer.PRODUCT + ", " + shortDate(day) + ": " + phrase(insights)
                .orElseGet(() -> count(insights) + " from " + shows(insights)));
    }

    /** The first of the day's insights whose first sentence fits a subject. */
    private static Optional<String> phrase(List<Insight> insights) {
        return insights.stream().map(i -> firstSentence(i.text())).flatMap(Optional::stream)
                .filter(s -> s.length() <= SENTENCE_MAX).findFirst();
    }

    /**
     * The preview line, which inboxes show after the subject: what the subject does not say already (the first
     * insight's opening sentence, whole; clients cut it at their own width), else where the insights come from.
     */
    static String preheader(List<Insight> insights) {
        Optional<String> opening = firstSentence(insights.get(0).text());
        if (phrase(insights).isEmpty() && opening.isPresent()) return opening.get() + ".";
        return count(insights) + " from " + shows(insights) + ", each a minute's read.";
    }

    private static String count(List<Insight> insights) {
        return insights.size() + (insights.size() == 1 ? " insight" : " insights");
    }

    /** "A, B and C", in the order of the email; at most three named. */
    static String shows(List<Insight> insights) {
        List<String> all = List.copyOf(new LinkedHashSet<>(insights.stream()
                .map(i -> MailText.plain(i.podcastTitle())).filter(s -> !s.isEmpty()).toList()));
        if (all.isEmpty()) return "today's podcasts";
        List<String> named = all.size() > 3 ? all.subList(0, 2) : all;
        String rest = all.size() > 3 ? (all.size() - 2) + " more shows" : null;
        List<String> parts = new java.util.ArrayList<>(named);
        if (rest != null) parts.add(rest);
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** The text's first sentence, without its full stop (a subject line has none). */
    static Optional<String> firstSentence(String text) {
        String t = MailText.plain(text);
        Matcher m = FIRST_SENTENCE.matcher(t);
        if (!m.find()) return Optional.empty();
        String s = m.group(1);
        return Optional.of(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
    }

    /** "2026-12-04" -> "Friday, 4 December 2026"; anything else as it is. */
    static String longDate(String day) {
        return format(day, LONG_DATE);
    }

    static String shortDate(String day) {
        return format(day, SHORT_DATE);
    }

    private static String format(String day, DateTimeFormatter pattern) {
        try {
            return LocalDate.parse(day).format(pattern);
        } catch (DateTimeParseException | NullPointerException e) {
            return MailText.plain(day);
        }
    }
}
