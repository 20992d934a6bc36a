package com.podcastinsights.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Decodes UTF-8, reading any byte that is not part of a well-formed UTF-8 sequence as windows-1252.
 *
 * <p>Feeds written by Windows tools often declare UTF-8 while holding windows-1252 curly quotes and dashes;
 * a strict decoder would fail the whole feed or turn every quote into U+FFFD. Mixing is per byte, so a
 * feed that is UTF-8 except for one pasted paragraph still reads right everywhere.
 */
final class Utf8OrCp1252Reader extends Reader {
    /** windows-1252 0x80..0x9F; the five undefined bytes map to their C1 code points like browsers do. */
    private static final char[] CP1252_HIGH = (
            "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
            + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178")
            .toCharArray();

    private final InputStream in;
    private final byte[] buf = new byte[8 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    /** A low surrogate owed from the last call when the caller's array was full. */
    private int pendingLow = -1;

    Utf8OrCp1252Reader(InputStream in) {
        this.in = in;
    }

    static char cp1252(int b) {
        return b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : (char) b;
    }

    /** Makes at least {@code need} bytes available unless the stream ends; returns what is available. */
    private int fill(int need) throws IOException {
        if (limit - pos >= need || eof) return limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < need) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
        }
        return limit - pos;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        int o = off;
        int end = off + len;
        if (pendingLow >= 0) {
            cbuf[o++] = (char) pendingLow;
            pendingLow = -1;
        }
        while (o < end) {
            if (pos >= limit) {
                if (o > off) break; // return what we have rather than block
                if (fill(1) == 0) return -1;
            }
            // ASCII, the bulk of any feed, one byte to one char. A plain loop rather than the JDK's decoder:
            // the decoder's ASCII path is two passes (count, then widen) that only C2 turns into vector code,
            // and Lambda runs C1 (-XX:TieredStopAtLevel=1), where this loop is about twice as fast.
            byte[] b = buf;
            int p = pos;
            int lim = Math.min(limit, p + (end - o));
            // four bytes a step while all are ASCII (C1 does not unroll loops itself), then one at a time
            while (p + 4 <= lim) {
                byte x0 = b[p];
                byte x1 = b[p + 1];
                byte x2 = b[p + 2];
                byte x3 = b[p + 3];
                if ((x0 | x1 | x2 | x3) < 0) break;
                cbuf[o] = (char) x0;
                cbuf[o + 1] = (char) x1;
                cbuf[o + 2] = (char) x2;
                cbuf[o + 3] = (char) x3;
                o += 4;
                p += 4;
            }
            while (p < lim) {
                byte x = b[p];
                if (x < 0) break;
                cbuf[o++] = (char) x;
                p++;
            }
            pos = p;
            if (o >= end || pos >= limit) continue;
            o = nonAscii(cbuf, o, end);
        }
        return o - off;
    }

    /** Decodes the sequence led by the non-ASCII byte at pos, or reads that byte as windows-1252. */
    private int nonAscii(char[] cbuf, int o, int end) throws IOException {
        int b0 = buf[pos] & 0xff;
        int n = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 1;
        if (n > 1 && limit - pos < n) fill(n);
        int cp = n > 1 ? sequence(n) : -1;
        if (cp < 0) {
            cbuf[o++] = cp1252(b0);
            pos++;
        } else if (cp >= 0x10000) {
            cbuf[o++] = Character.highSurrogate(cp);
            if (o < end) {
                cbuf[o++] = Character.lowSurrogate(cp);
            } else {
                pendingLow = Character.lowSurrogate(cp); // the caller's array is full: owed to the next call
            }
            pos += n;
        } else {
            cbuf[o++] = (char) cp;
            pos += n;
        }
        return o;
    }

    /** The code point of the well-formed {@code n}-byte sequence at pos, or -1 (overlong, surrogate, cut). */
    private int sequence(int n) {
        if (limit - pos < n) return -1;
        int b0 = buf[pos] & 0xff;
        int cp = n == 2 ? b0 & 0x1f : n == 3 ? b0 & 0x0f : b0 & 0x07;
        for (int i = 1; i < n; i++) {
            int b = buf[pos + i] & 0xff;
            if ((b & 0xc0) != 0x80) return -1;
            cp = (cp << 6) | (b & 0x3f);
        }
        if (n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return -1;
        if (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) return -1;
        return cp;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
