package com.podcastinsights.html;

/**
 * Plain text as HTML that reads back to the same text: the one escaper of mail, pages and show notes. Text with
 * nothing to escape comes back as the same string, so the common case costs no copy.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    /** For text between tags: {@code & < >} only, so show notes keep their quotes as the publisher wrote them. */
    public static String text(String s) {
        return escape(s, false);
    }

    /** For text and for a quoted attribute value alike ({@code " '} too); null as the empty string. */
    public static String attribute(String s) {
        return s == null ? "" : escape(s, true);
    }

    private static String escape(String s, boolean quotes) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> quotes ? "&quot;" : null;
                case '\'' -> quotes ? "&#39;" : null;
                default -> null;
            };
            if (entity != null && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (out != null) {
                if (entity != null) out.append(entity);
                else out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
