package com.podcastinsights.digest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subscriber addresses as logs may show them: {@code j***@example.com}. Logs outlive the subscription and
 * are read by more people than the table, so an address in a log line is personal data kept for no purpose;
 * the first letter and the domain are enough to tell two failures apart.
 */
public final class AddressMask {
    /** Loose on purpose: anything address-shaped in an error text (an SES message, a wrapped exception). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[A-Za-z0-9.-]+");

    private AddressMask() {
    }

    /** {@code jane@example.com} -> {@code j***@example.com}; something without an @ -> {@code ***}. */
    public static String mask(String address) {
        if (address == null) return null;
        int at = address.lastIndexOf('@');
        if (at <= 0) return "***";
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Masks every address inside a free text, such as an exception message, before it is logged. */
    public static String maskAll(String text) {
        if (text == null) return null;
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
