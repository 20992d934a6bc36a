package com.podcastinsights.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/** Undoes Content-Encoding with a cap on the decompressed size, so a small gzip bomb stays small. */
final class Decoding {
    private Decoding() {
    }

    static byte[] decode(byte[] body, String contentEncoding, long maxBytes) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (enc) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
            case "deflate" -> inflate(body, maxBytes);
            default -> throw new IOException("unsupported Content-Encoding " + contentEncoding);
        };
    }

    // "deflate" should be zlib-wrapped, but some servers send a raw deflate stream; accept both.
    private static byte[] inflate(byte[] body, long maxBytes) throws IOException {
        try {
            return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)), maxBytes);
        } catch (ZipException e) {
            return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), maxBytes);
        }
    }

    private static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new RefusedRequestException("decompressed response exceeds " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
