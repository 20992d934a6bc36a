package com.podcastinsights.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
    private final ByteBuffer bytes = ByteBuffer.wrap(buf);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
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
        CharBuffer out = null;
        while (o < end) {
            if (pos >= limit) {
                if (o > off) break; // return what we have rather than block
                if (fill(1) == 0) return -1;
            }
            // The JDK's decoder does the well-formed runs (its ASCII loop is vectorized); it stops at the first
            // byte that does not start a well-formed sequence, which is read as windows-1252 below.
            if (out == null) out = CharBuffer.wrap(cbuf);
            out.limit(end).position(o);
            bytes.limit(limit).position(pos);
            CoderResult result = utf8.decode(bytes, out, eof);
            o = out.position();
            pos = bytes.position();
            if (o >= end) break;
            if (result.isMalformed()) {
                cbuf[o++] = cp1252(buf[pos++] & 0xff);
            } else if (result.isOverflow()) {
                o = supplementary(cbuf, o); // one char of room left for a surrogate pair
            } else if (pos < limit) {
                // A sequence cut by the end of the buffer: read on. Should the input end there, the next
                // decode, told so, reports the sequence malformed.
                fill(limit - pos + 1);
            }
        }
        return o - off;
    }

    /**
     * With one char of room the decoder stops before a 4-byte sequence, well-formed or not: writes the high
     * surrogate and keeps the low one for the next call, or reads the lead byte as windows-1252.
     */
    private int supplementary(char[] cbuf, int o) {
        int cp = fourBytes();
        if (cp < 0) {
            cbuf[o] = cp1252(buf[pos++] & 0xff);
        } else {
            cbuf[o] = Character.highSurrogate(cp);
            pendingLow = Character.lowSurrogate(cp);
            pos += 4;
        }
        return o + 1;
    }

    /** The code point of the 4-byte sequence at pos, or -1 when it is not well-formed UTF-8. */
    private int fourBytes() {
        if (limit - pos < 4 || (buf[pos] & 0xf8) != 0xf0) return -1;
        int cp = buf[pos] & 0x07;
        for (int i = 1; i < 4; i++) {
            int b = buf[pos + i] & 0xff;
            if ((b & 0xc0) != 0x80) return -1;
            cp = (cp << 6) | (b & 0x3f);
        }
        return cp >= 0x10000 && cp <= 0x10ffff ? cp : -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
