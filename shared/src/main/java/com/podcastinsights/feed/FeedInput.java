package com.podcastinsights.feed;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a feed into repaired characters for the XML parser.
 *
 * <p>The encoding is chosen in this order: the HTTP {@code charset}, then the XML declaration, then the
 * byte-order mark, then UTF-8. UTF-8 (and ISO-8859-1, which browsers read as windows-1252) is decoded
 * leniently: bytes that are not UTF-8 are read as windows-1252. The byte count is capped; a larger document
 * fails with {@link FeedTooLargeException} instead of being read in part.
 */
final class FeedInput {
    private static final int SNIFF = 1024;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private FeedInput() {
    }

    static Reader reader(InputStream raw, String contentType, long maxBytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new CappedInputStream(raw, maxBytes), 8 * 1024);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        Charset charset = choose(head, contentType);
        skipBom(in, head, charset);
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1) || charset.name().equals("windows-1252")) {
            // ISO-8859-1 and windows-1252 bytes 0x80-0xFF are never valid UTF-8 on their own, so the lenient
            // reader reads them as windows-1252; real UTF-8 mislabelled as Latin-1 also survives.
            return new XmlRepairReader(new Utf8OrCp1252Reader(in));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new XmlRepairReader(new InputStreamReader(in, decoder));
    }

    static Charset choose(byte[] head, String contentType) {
        Charset http = forName(contentType == null ? null : match(CHARSET, contentType));
        Charset bom = bom(head);
        if (http != null) {
            // "UTF-16" alone names no byte order; the mark does.
            return http.name().equals("UTF-16") && bom != null && !bom.equals(StandardCharsets.UTF_8) ? bom : http;
        }
        if (bom != null && !bom.equals(StandardCharsets.UTF_8)) {
            // A UTF-16 document cannot carry an ASCII declaration naming another encoding meaningfully.
            return bom;
        }
        int from = bom == null ? 0 : 3;
        String start = new String(head, from, Math.max(0, Math.min(head.length - from, 200)), StandardCharsets.ISO_8859_1);
        Charset declared = forName(match(DECLARED, start));
        if (declared != null && !declared.name().startsWith("UTF-16")) return declared;
        return StandardCharsets.UTF_8;
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static Charset forName(String name) {
        if (name == null) return null;
        try {
            return Charset.forName(name.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // unknown or unsupported: fall back to the next source
        }
    }

    private static Charset bom(byte[] h) {
        if (h.length >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff) return StandardCharsets.UTF_16BE;
        if (h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static void skipBom(InputStream in, byte[] head, Charset charset) throws IOException {
        Charset bom = bom(head);
        if (bom == null) return;
        // The mark is dropped whatever the chosen charset: a UTF-8 BOM read as windows-1252 would be "ï»¿".
        in.skipNBytes(bom.equals(StandardCharsets.UTF_8) ? 3 : 2);
    }

    /** Counts bytes and fails once the cap is passed. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) add(n);
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > max) throw new TooLarge(max);
        }
    }

    /** Carries the cap through the XML parser, which only passes IOExceptions along. */
    static final class TooLarge extends IOException {
        final long max;

        TooLarge(long max) {
            super("feed is larger than the cap of " + max + " bytes");
            this.max = max;
        }
    }
}
