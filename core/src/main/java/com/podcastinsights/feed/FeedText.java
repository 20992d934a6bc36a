package com.podcastinsights.feed;

import com.podcastinsights.html.HtmlEscape;
import com.podcastinsights.html.HtmlText;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every piece of feed text goes through once, when it is parsed, so no output has to remember it:
 * <ul>
 *   <li>C1 code points (U+0080-U+009F, from {@code &#146;} or from bytes read as Latin-1) are the windows-1252
 *       characters their writer meant: {@code &#146;} is ’. The five bytes windows-1252 leaves undefined go.</li>
 *   <li>Other control characters go: C0 (a single-line field turns tab, CR and LF into a space; notes keep tab
 *       and newline), bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C, which can make text read
 *       backwards in a mail client) and zero-width characters (U+200B-200D, U+2060, U+FEFF), which can hide
 *       text. A title with CR/LF can then never print a forged line of its own in a listing or a header.</li>
 *   <li>UTF-8 that was encoded twice ({@code Ã©} for é, {@code â€™} for ’) is decoded back.</li>
 * </ul>
 */
final class FeedText {
    /** The elements whose tags make a description HTML; {@code <Ctrl>} is none of them, so it stays text. */
    private static final Set<String> HTML_ELEMENTS = Set.of("a", "abbr", "acronym", "address", "article", "aside",
            "audio", "b", "big", "blockquote", "body", "br", "caption", "center", "cite", "code", "col", "dd", "del",
            "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hr", "html", "i", "iframe", "img", "ins", "kbd", "li", "main", "mark",
            "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small", "source", "span", "strike", "strong",
            "style", "script", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
            "tr", "tt", "u", "ul", "var", "video", "wbr");
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    private FeedText() {
    }

    /** A title, name or other one-line field: cleaned, whitespace runs (line breaks included) made one space. */
    static String line(String s) {
        if (s == null) return null;
        String t = clean(s, false);
        return needsCollapse(t) ? t.replaceAll("\\s+", " ") : t;
    }

    /** Show notes and descriptions: cleaned, tab and line breaks kept (CR LF and CR become LF). */
    static String multiline(String s) {
        return s == null ? null : clean(s, true);
    }

    /** A URL or identifier: control, bidi and zero-width characters removed, nothing else changed. */
    static String token(String s) {
        return s == null ? null : clean(s, false);
    }

    private static boolean needsCollapse(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' ? i + 1 < t.length() && t.charAt(i + 1) <= ' ' : Character.isWhitespace(c)) return true;
        }
        return false;
    }

    /** Bits of {@link #WORK}: the char may need work in a single-line field, or in multi-line text. */
    private static final int LINE = 1;
    private static final int MULTILINE = 2;
    /**
     * For every char, which kinds of text may need work on it: C0, DEL, C1, the lead bytes of double-encoded
     * UTF-8 (U+00C2-U+00F4), line and paragraph separators, bidi controls and zero-width characters. Multi-line
     * text keeps tab and line feed. One table over all of UTF-16, so testing a char is one load: the scan of
     * every text is a large share of parsing.
     */
    private static final byte[] WORK = work();

    private static byte[] work() {
        byte[] t = new byte[0x10000];
        for (int c = 0; c < 256; c++) {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xc2 && c <= 0xf4)) t[c] = LINE | MULTILINE;
        }
        t['\t'] = t['\n'] = LINE;
        int[][] ranges = {{0x061c, 0x061c}, {0x200b, 0x200f}, {0x2028, 0x202e}, {0x2060, 0x2069}, {0xfeff, 0xfeff}};
        for (int[] r : ranges) {
            for (int c = r[0]; c <= r[1]; c++) t[c] = LINE | MULTILINE;
        }
        return t;
    }

    /** Whether {@code c} may need work in text of {@code kind}: the fast path skips every other character. */
    private static boolean special(char c, int kind) {
        return (WORK[c] & kind) != 0;
    }

    private static String clean(String s, boolean multiline) {
        int kind = multiline ? MULTILINE : LINE;
        int n = s.length();
        int i = firstSpecial(s, n, kind);
        if (i == n) return s;
        StringBuilder out = null;
        int copied = 0; // s[copied..i) still to be appended when out exists
        while (i < n) {
            char c = s.charAt(i);
            if (!special(c, kind)) {
                i++;
                continue;
            }
            int used = 1;
            String replacement;
            // a lead byte of double-encoded UTF-8 is followed by a character from U+0080 up
            int[] mojibake = c >= 0xc2 && c <= 0xf4 && i + 1 < n && s.charAt(i + 1) >= 0x80 ? doubleEncoded(s, i) : null;
            if (mojibake != null) {
                replacement = new String(Character.toChars(mojibake[0]));
                used = mojibake[1];
            } else if (c >= 0xc2 && c <= 0xf4) {
                i++;
                continue; // an ordinary accented letter
            } else if (c == '\t' || c == '\n') {
                replacement = " "; // multi-line text never gets here: its table passes them
            } else if (c == '\r') {
                boolean crlf = i + 1 < n && s.charAt(i + 1) == '\n';
                replacement = multiline ? "\n" : " ";
                used = crlf ? 2 : 1;
            } else if (c == 0x2028 || c == 0x2029) {
                replacement = multiline ? "\n" : " ";
            } else if (c >= 0x80 && c <= 0x9f) {
                char meant = Utf8OrCp1252Reader.cp1252(c);
                replacement = meant == c ? "" : String.valueOf(meant);
            } else {
                replacement = ""; // C0, DEL, bidi and zero-width
            }
            if (out == null) out = new StringBuilder(n);
            out.append(s, copied, i).append(replacement);
            i += used;
            copied = i;
        }
        if (out == null) return s;
        return out.append(s, copied, n).toString();
    }

    /** Show notes run to 50,000 characters: scanning a copy in an array is faster than charAt one by one. */
    private static final ThreadLocal<char[]> SCAN = ThreadLocal.withInitial(() -> new char[4096]);

    private static int firstSpecial(String s, int n, int kind) {
        byte[] work = WORK;
        if (n < 64) {
            for (int i = 0; i < n; i++) {
                if ((work[s.charAt(i)] & kind) != 0) return i;
            }
            return n;
        }
        char[] buf = SCAN.get();
        for (int from = 0; from < n; from += buf.length) {
            int len = Math.min(buf.length, n - from);
            s.getChars(from, from + len, buf, 0);
            int k = 0;
            // four chars a step while none needs work (C1, Lambda's compiler, does not unroll loops itself)
            while (k + 4 <= len && ((work[buf[k]] | work[buf[k + 1]] | work[buf[k + 2]] | work[buf[k + 3]]) & kind) == 0) {
                k += 4;
            }
            while (k < len && (work[buf[k]] & kind) == 0) k++;
            if (k < len) return from + k;
        }
        return n;
    }

    /** The byte windows-1252 (or Latin-1) writes {@code c} as, or -1. */
    private static int cp1252Byte(char c) {
        if (c <= 0xff) return c;
        for (int b = 0x80; b <= 0x9f; b++) {
            if (Utf8OrCp1252Reader.cp1252(b) == c) return b;
        }
        return -1;
    }

    /**
     * The code point and length when the characters at {@code i} are the windows-1252 reading of one UTF-8
     * sequence ("Ã©" for é, "â€™" for ’), else null. Two-byte results are kept to Latin, Greek and Cyrillic,
     * so German "ß“" (which would decode to an NKo letter) stays as written.
     */
    private static int[] doubleEncoded(String s, int i) {
        int b0 = s.charAt(i);
        int len = b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : 2;
        if (i + len > s.length()) return null;
        int cp = len == 2 ? b0 & 0x1f : len == 3 ? b0 & 0x0f : b0 & 0x07;
        for (int k = 1; k < len; k++) {
            int b = cp1252Byte(s.charAt(i + k));
            if (b < 0x80 || b > 0xbf) return null;
            cp = (cp << 6) | (b & 0x3f);
        }
        boolean ok = switch (len) {
            case 2 -> cp >= 0xa0 && cp <= 0x4ff;
            case 3 -> cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff);
            default -> cp >= 0x10000 && cp <= 0x10ffff;
        };
        return ok ? new int[] {cp, len} : null;
    }

    /**
     * Whether a description is HTML rather than plain text: it has a tag of an HTML element, or an entity
     * reference (text escaped twice). "Press <Ctrl>+C" and "a < b" are plain text.
     */
    static boolean looksLikeHtml(String s) {
        int n = s.length();
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            int j = i + 1;
            if (j < n && s.charAt(j) == '/') j++;
            int start = j;
            while (j < n && j - start < 12 && isAsciiLetterOrDigit(s.charAt(j))) j++;
            if (j == start || j >= n || !isAsciiLetter(s.charAt(start))) continue;
            char after = s.charAt(j);
            if ((after == '>' || after == '/' || Character.isWhitespace(after))
                    && HTML_ELEMENTS.contains(s.substring(start, j).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return s.indexOf('&') >= 0 && ENTITY.matcher(s).find();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    /**
     * Notes whose type is unknown (RSS): HTML stays HTML; plain text with a "<" in it is escaped so that what
     * reads the notes as HTML keeps "<Ctrl>". Other plain text is HTML already as it stands.
     */
    static String notes(String raw) {
        return raw == null || raw.indexOf('<') < 0 || looksLikeHtml(raw) ? raw : HtmlEscape.text(raw);
    }

    /** HTML (a title of type "html" or "xhtml") as the plain text a reader sees. */
    static String htmlToText(String html) {
        return html == null ? null : HtmlText.inline(html);
    }
}
