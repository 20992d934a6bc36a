package com.podcastinsights.feed;

import com.podcastinsights.html.HtmlEntities;
import java.io.IOException;
import java.io.Reader;

/**
 * Repairs, on the fly, the ways real feeds break XML well-formedness, so one stray character does not cost
 * a whole feed:
 * <ul>
 *   <li>whitespace (or a stray BOM) before {@code <?xml} is dropped;</li>
 *   <li>HTML entities XML does not define ({@code &nbsp;}) become their character; unknown ones
 *       ({@code &gtgt;}) and a bare {@code &} (in a URL) are kept as literal text by escaping the ampersand;</li>
 *   <li>a CDATA section left open is closed at the end tag of the element it opened in;</li>
 *   <li>characters XML forbids (control characters, U+FFFE/U+FFFF) become a space or U+FFFD.</li>
 * </ul>
 * Nothing here expands or fetches anything: entity text comes from a fixed table, never from the document.
 */
final class XmlRepairReader extends Reader {
    private static final int MAX_NAME = 32;
    private static final char[] CDATA_OPEN = "<![CDATA[".toCharArray();
    private static final char[] DOCTYPE_OPEN = "<!DOCTYPE".toCharArray();
    /** How far to look for the end of a DOCTYPE's head before calling it an internal subset. */
    private static final int MAX_DOCTYPE_HEAD = 4096;
    /**
     * The characters that end a run of ordinary text, one bit per state: {@link #STOP_TEXT} in markup and text,
     * {@link #STOP_CDATA} inside CDATA. A table over every char, so the scan is one lookup per char, no range test.
     */
    private static final byte[] STOPS = stops();
    private static final int STOP_TEXT = 1;
    private static final int STOP_CDATA = 2;

    private static byte[] stops() {
        byte[] t = new byte[0x10000];
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\t' && c != '\r') t[c] = STOP_TEXT | STOP_CDATA;
        }
        t['&'] = STOP_TEXT;
        t[']'] = STOP_CDATA;
        t['<'] = STOP_TEXT | STOP_CDATA;
        t[0xfffe] = t[0xffff] = STOP_TEXT | STOP_CDATA;
        return t;
    }

    private final Reader src;
    private final char[] in = new char[8 * 1024];
    private int inPos;
    private int inLimit;
    private boolean eof;
    /** Where repair writes: the caller's array when it is large enough, saving a copy; else {@code small}. */
    private char[] dst;
    private int dstStart;
    private int dstLimit;
    private int dstRoom;
    /** For callers that read a few chars at a time (the XML parser reads the declaration that way). */
    private final char[] small = new char[256];
    private int smallPos;
    private int smallLimit;

    private boolean atStart = true;
    private boolean inCdata;
    /** The name of the last start tag; a CDATA section that never closes ends at this element's end tag. */
    private final char[] lastTag = new char[MAX_NAME];
    private int lastTagLen;
    private final char[] cdataOwner = new char[MAX_NAME];
    private int cdataOwnerLen;

    XmlRepairReader(Reader src) {
        this.src = src;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (smallPos < smallLimit || len < 128) {
            if (smallPos >= smallLimit) {
                smallPos = 0;
                smallLimit = produce(small, 0, small.length);
                if (smallLimit == 0) return -1;
            }
            int n = Math.min(len, smallLimit - smallPos);
            System.arraycopy(small, smallPos, cbuf, off, n);
            smallPos += n;
            return n;
        }
        int n = produce(cbuf, off, len);
        return n == 0 ? -1 : n;
    }

    /** Repairs input into {@code to[off..off+len)} (len of 128 or more); 0 only at the end of the input. */
    private int produce(char[] to, int off, int len) throws IOException {
        dst = to;
        dstStart = off;
        dstLimit = off;
        // The margin leaves room for the largest single repair (9 chars) and a closing "]]>".
        dstRoom = off + len - 64;
        while (true) {
            if (inPos < inLimit) {
                repair();
                if (dstLimit > off) return dstLimit - off;
            }
            if (eof) {
                if (inPos < inLimit) continue; // at the end every step makes progress
                if (inCdata) {
                    // The document ended inside CDATA: close it so the parser reports the missing end tags.
                    emit("]]>");
                    inCdata = false;
                }
                return dstLimit - off;
            }
            if (inPos > 0) {
                System.arraycopy(in, inPos, in, 0, inLimit - inPos);
                inLimit -= inPos;
                inPos = 0;
            }
            int n = src.read(in, inLimit, in.length - inLimit);
            if (n < 0) eof = true;
            else inLimit += n;
        }
    }

    private void repair() throws IOException {
        char[] b = in;
        int i = inPos;
        int n = inLimit;
        // Each step below writes at most 9 chars per char consumed plus 3; keep that much room.
        int room = dstRoom;
        while (i < n && dstLimit < room) {
            if (atStart) {
                char c = b[i];
                if (c == '<') {
                    atStart = false;
                } else {
                    i++;
                    continue;
                }
            }
            // Fast path: find the run of ordinary characters, then copy it in one arraycopy. Copying while
            // scanning stores each char separately, which C1 (Lambda's compiler) makes the slower of the two.
            int stop = inCdata ? STOP_CDATA : STOP_TEXT;
            byte[] stops = STOPS;
            int runEnd = Math.min(n, i + (room - dstLimit));
            int j = i;
            // four chars a step while none of them stops (C1 does not unroll loops itself), then one at a time
            while (j + 4 <= runEnd && ((stops[b[j]] | stops[b[j + 1]] | stops[b[j + 2]] | stops[b[j + 3]]) & stop) == 0) {
                j += 4;
            }
            while (j < runEnd && (stops[b[j]] & stop) == 0) j++;
            System.arraycopy(b, i, dst, dstLimit, j - i);
            dstLimit += j - i;
            i = j;
            if (i == runEnd) continue; // the run stopped for room or input, not at a special character
            char c = b[i];
            int used;
            if (c < 0x20) {
                dst[dstLimit++] = ' ';
                used = 1;
            } else if (c >= 0xfffe) {
                dst[dstLimit++] = '\ufffd';
                used = 1;
            } else if (inCdata) {
                used = c == ']' ? cdataBracket(b, i, n) : cdataLess(b, i, n);
            } else if (c == '&') {
                used = ampersand(b, i, n);
            } else {
                used = less(b, i, n);
            }
            if (used < 0) break; // needs more input to decide
            i += used;
        }
        inPos = i;
    }

    /** Chars available from i, or -1 to ask for more when fewer than {@code need} and the input goes on. */
    private boolean lacks(int i, int n, int need) {
        return n - i < need && !eof;
    }

    private int cdataBracket(char[] b, int i, int n) {
        if (lacks(i, n, 3)) return -1;
        if (n - i >= 3 && b[i + 1] == ']' && b[i + 2] == '>') {
            emit("]]>");
            inCdata = false;
            return 3;
        }
        dst[dstLimit++] = ']';
        return 1;
    }

    private int cdataLess(char[] b, int i, int n) {
        int need = 2 + cdataOwnerLen + 1;
        if (cdataOwnerLen > 0 && lacks(i, n, need)) return -1;
        if (cdataOwnerLen > 0 && n - i >= need && b[i + 1] == '/') {
            boolean same = true;
            for (int k = 0; k < cdataOwnerLen && same; k++) same = b[i + 2 + k] == cdataOwner[k];
            char after = b[i + 2 + cdataOwnerLen];
            if (same && (after == '>' || Character.isWhitespace(after))) {
                emit("]]>");
                inCdata = false;
                return 0; // the end tag itself is processed as markup
            }
        }
        dst[dstLimit++] = '<';
        return 1;
    }

    private int less(char[] b, int i, int n) throws IOException {
        if (lacks(i, n, MAX_NAME + 2)) return -1;
        if (i + 1 < n && b[i + 1] == '!') {
            if (startsWith(b, i, n, DOCTYPE_OPEN)) {
                Boolean subset = doctypeHasSubset(b, i, n);
                if (subset == null) return -1;
                if (subset) throw new DoctypeRefused();
            }
            if (startsWith(b, i, n, CDATA_OPEN)) {
                System.arraycopy(CDATA_OPEN, 0, dst, dstLimit, CDATA_OPEN.length);
                dstLimit += CDATA_OPEN.length;
                inCdata = true;
                System.arraycopy(lastTag, 0, cdataOwner, 0, lastTagLen);
                cdataOwnerLen = lastTagLen;
                return CDATA_OPEN.length;
            }
        } else if (i + 1 < n && b[i + 1] != '/' && b[i + 1] != '?') {
            int k = i + 1;
            int len = 0;
            while (k < n && len < MAX_NAME) {
                char c = b[k];
                if (c == '>' || c == '/' || c <= ' ') break;
                lastTag[len++] = c;
                k++;
            }
            lastTagLen = len < MAX_NAME ? len : 0;
        }
        dst[dstLimit++] = '<';
        return 1;
    }

    private int ampersand(char[] b, int i, int n) {
        int max = Math.min(n, i + 2 + MAX_NAME);
        int j = i + 1;
        while (j < max && isRefChar(b[j])) j++;
        if (j >= n && !eof) return -1;
        int nameLen = j - i - 1;
        if (j < n && b[j] == ';' && nameLen > 0) {
            if (b[i + 1] == '#') {
                int cp = charRef(b, i + 2, j);
                if (cp >= 0) {
                    copy(b, i, j + 1);
                } else {
                    dst[dstLimit++] = '\ufffd';
                }
                return j + 1 - i;
            }
            if (isXmlEntity(b, i + 1, nameLen)) {
                if (nameLen == 2 && b[i + 1] == 'g' && greaterThanIsPlain()) {
                    dst[dstLimit++] = '>'; // the XML parser resolves a reference at many times the cost of a char
                } else {
                    copy(b, i, j + 1);
                }
                return j + 1 - i;
            }
            Character html = HtmlEntities.get(new String(b, i + 1, nameLen));
            if (html != null) {
                dst[dstLimit++] = html;
                return j + 1 - i;
            }
        }
        emit("&amp;");
        return 1;
    }

    /**
     * Whether "&gt;" here may be written as a plain ">", which reads the same in text and in attribute values
     * (escaped HTML notes hold thousands). Not after "]" ("]]>" ends CDATA and is an error in text), "-" (a
     * comment ends at "-->") or "?" (a processing instruction ends at "?>"), nor first in a chunk, whose
     * previous char is not at hand.
     */
    private boolean greaterThanIsPlain() {
        if (dstLimit <= dstStart) return false;
        char before = dst[dstLimit - 1];
        return before != ']' && before != '-' && before != '?';
    }

    /**
     * Whether the DOCTYPE at i declares an internal subset ("[" before its ">"): that is where entities,
     * and so XXE and billion laughs, are declared. A head too long to see the end of counts as one.
     */
    private Boolean doctypeHasSubset(char[] b, int i, int n) {
        int limit = Math.min(n, i + MAX_DOCTYPE_HEAD);
        for (int k = i + DOCTYPE_OPEN.length; k < limit; k++) {
            if (b[k] == '>') return false;
            if (b[k] == '[') return true;
        }
        if (limit == n && !eof) return null; // more input needed to decide
        return true;
    }

    /** A DOCTYPE with an internal subset; the parser turns this into a refused feed. */
    static final class DoctypeRefused extends IOException {
        DoctypeRefused() {
            super("feed declares a DOCTYPE with an internal subset; refused");
        }
    }

    private static boolean isRefChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
    }

    /** The code point of a numeric reference body ("38" or "x26") when XML allows it, else -1. */
    private static int charRef(char[] b, int from, int to) {
        if (from >= to) return -1;
        int radix = 10;
        if (b[from] == 'x' || b[from] == 'X') {
            radix = 16;
            from++;
        }
        if (from >= to || to - from > 7) return -1;
        int cp = 0;
        for (int k = from; k < to; k++) {
            int d = Character.digit(b[k], radix);
            if (d < 0) return -1;
            cp = cp * radix + d;
        }
        boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        return ok ? cp : -1;
    }

    private static boolean isXmlEntity(char[] b, int from, int len) {
        return switch (len) {
            case 2 -> (b[from] == 'l' || b[from] == 'g') && b[from + 1] == 't';
            case 3 -> b[from] == 'a' && b[from + 1] == 'm' && b[from + 2] == 'p';
            case 4 -> (b[from] == 'q' && b[from + 1] == 'u' && b[from + 2] == 'o' && b[from + 3] == 't')
                    || (b[from] == 'a' && b[from + 1] == 'p' && b[from + 2] == 'o' && b[from + 3] == 's');
            default -> false;
        };
    }

    private static boolean startsWith(char[] b, int i, int n, char[] prefix) {
        if (n - i < prefix.length) return false;
        for (int k = 0; k < prefix.length; k++) {
            if (b[i + k] != prefix[k]) return false;
        }
        return true;
    }

    private void copy(char[] b, int from, int to) {
        System.arraycopy(b, from, dst, dstLimit, to - from);
        dstLimit += to - from;
    }

    private void emit(String s) {
        s.getChars(0, s.length(), dst, dstLimit);
        dstLimit += s.length();
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
