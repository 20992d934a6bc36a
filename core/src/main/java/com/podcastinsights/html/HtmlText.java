package com.podcastinsights.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML of show notes and transcripts into plain text: block elements become line breaks,
 * scripts and styles vanish, entities are decoded. Not a full HTML parser; enough for text to rank.
 */
public final class HtmlText {
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head|template)\\b.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile(
            "(?i)<\\s*(br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6]|/tr|tr|/blockquote|/pre|hr|/ul|/ol|/dd|/dt)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?");
    /**
     * Where text differs from the character: XML's five (not in the HTML table), a no-break space read as a space,
     * and the invisible marks dropped. Every other name comes from {@link HtmlEntities}, the full HTML 4 list.
     */
    private static final Map<String, String> AS_TEXT = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("lrm", ""), Map.entry("rlm", ""),
            Map.entry("zwj", ""), Map.entry("zwnj", ""), Map.entry("shy", ""));

    private HtmlText() {
    }

    /** Plain text with one line per block; blank lines removed. */
    public static String toText(String html) {
        return String.join("\n", lines(html));
    }

    /** The non-blank lines of the text, each with whitespace collapsed. */
    public static List<String> lines(String html) {
        if (html == null) return List.of();
        String s = COMMENT.matcher(html).replaceAll(" ");
        s = INVISIBLE.matcher(s).replaceAll(" ");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        List<String> out = new ArrayList<>();
        for (String line : s.split("\\R")) {
            String t = line.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Strips tags from one fragment and decodes entities, keeping it on one line. */
    public static String inline(String html) {
        return String.join(" ", lines(html));
    }

    public static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#")) {
                int cp;
                try {
                    cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                } catch (NumberFormatException e) {
                    cp = -1;
                }
                replacement = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : m.group();
            } else {
                String named = AS_TEXT.get(name);
                Character html = named == null ? HtmlEntities.get(name) : null;
                replacement = named != null ? named : html != null ? html.toString() : m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
