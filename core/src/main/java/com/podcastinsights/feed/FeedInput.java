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

/**
 * Turns the bytes of a feed into repaired characters for the XML parser.
 *
 * <p>The encoding is found by {@link XmlEncoding} (byte-order mark and byte pattern, HTTP {@code charset},
 * the XML declaration, else UTF-8). UTF-8 (and ISO-8859-1, which browsers read as windows-1252) is decoded
 * leniently: bytes that are not UTF-8 are read as windows-1252. The byte count is capped; a larger document
 * fails with {@link FeedTooLargeException} instead of being read in part.
 */
final class FeedInput {
    private static final int SNIFF = 1024;

    private FeedInput() {
    }

    static Reader reader(InputStream raw, String contentType, long maxBytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new CappedInputStream(raw, maxBytes), 8 * 1024);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        XmlEncoding.Detected detected = XmlEncoding.detect(head, contentType);
        Charset charset = detected.charset();
        // The mark is dropped whatever the chosen charset: a UTF-8 BOM read as windows-1252 would be "ï»¿".
        in.skipNBytes(detected.bomLength());
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
