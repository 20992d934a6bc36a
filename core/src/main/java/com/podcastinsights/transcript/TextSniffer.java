package com.podcastinsights.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether a body said to be a transcript is text at all. A {@code podcast:transcript} may point at a PDF, an image
 * or any binary; decoded as text, its bytes become "sentences" that rank like any other and reach the email. Only
 * content types the parsers read are accepted, and the body itself must look like text whatever its label.
 */
public final class TextSniffer {
    /**
     * Signatures of formats that are never a transcript the parsers read, with a name for the message. Only
     * signatures no text starts with: those that could (ID3, RIFF, MZ) carry NUL bytes, which the noise check finds.
     */
    private static final Object[][] MAGIC = {
            {"%PDF-", "a PDF document"}, {"PK\u0003\u0004", "a ZIP archive (or an Office document)"},
            {"\u0089PNG", "a PNG image"}, {"GIF8", "a GIF image"}, {"\u00ff\u00d8\u00ff", "a JPEG image"},
            {"OggS", "Ogg audio"}, {"fLaC", "FLAC audio"}, {"\u001f\u008b", "gzip data"},
            {"\u00d0\u00cf\u0011\u00e0", "an old Office document"}, {"{\\rtf", "an RTF document"},
            {"\u007fELF", "an executable"}};
    /**
     * Share of decoded characters that may be control characters or undecodable bytes. Honest text has almost
     * none (a transcript saved in Windows-1252 has one per accented letter, a few percent); random bytes have
     * about half.
     */
    static final double MAX_NOISE = 0.10;
    /** Enough of the body to judge; a binary file shows itself in its first kilobytes. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private TextSniffer() {
    }

    /** Thrown for a body that is not text, or is labelled with a type that is not; the message says which. */
    public static final class NotTextException extends IllegalArgumentException {
        public NotTextException(String message) {
            super(message);
        }
    }

    /**
     * A content type the transcript parsers read: a format they know, any {@code text/*}, or one that says nothing
     * ({@code application/octet-stream}, none at all), where the body decides. Everything else (application/pdf,
     * audio, images, archives) is refused before the body is looked at.
     */
    public static boolean readableType(String contentType) {
        if (contentType == null || contentType.isBlank()) return true;
        String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return TranscriptParsers.formatOf(t) != null || t.startsWith("text/") || t.equals("application/octet-stream")
                || t.equals("binary/octet-stream");
    }

    public static void requireReadableType(String contentType) {
        if (!readableType(contentType)) {
            throw new NotTextException("content type " + contentType.split(";", 2)[0].strip()
                    + " is not a transcript format (JSON, WebVTT, SRT, HTML or plain text)");
        }
    }

    /** Throws {@link NotTextException} when {@code bytes} are binary: a known binary signature, NULs or noise. */
    public static void requireText(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1);
        for (Object[] m : MAGIC) {
            if (head.startsWith((String) m[0])) {
                throw new NotTextException("binary content, not a transcript: it is " + m[1]);
            }
        }
        byte[] sample = bytes.length <= SAMPLE_BYTES ? bytes : java.util.Arrays.copyOf(bytes, SAMPLE_BYTES);
        String text = TranscriptParsers.decode(sample);
        int noise = 0;
        int chars = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            chars++;
            if (c == 0) throw new NotTextException("binary content, not a transcript: it holds NUL bytes");
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7f && c < 0xa0);
            if (control || c == '\uFFFD') noise++;
        }
        // the sample may end inside a UTF-8 sequence: that one replacement character is not noise
        if (chars > 0 && noise > 1 && (double) noise / chars > MAX_NOISE) {
            throw new NotTextException(String.format(Locale.ROOT, "binary content, not a transcript: %.0f%% of it is "
                    + "control characters or bytes that are not text", 100.0 * noise / chars));
        }
    }
}
