package com.podcastinsights.feed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Well-formed UTF-8 is decoded; every other byte is read as windows-1252, whatever the read sizes. */
class Utf8OrCp1252ReaderTest {
    private static final int[] READ_SIZES = {1, 2, 3, 5, 64, 8192};

    @Test
    void utf8AndWindows1252MixPerByte() throws IOException {
        assertReads("café ’ \uD83C\uDF99", utf8("café ’ \uD83C\uDF99"));
        // a lone 0x92 is windows-1252's ’; 0x81 is undefined there and stays U+0081 as browsers keep it
        assertReads("it’s \u0081", bytes("it", 0x92, "s ", 0x81));
        // a lead byte whose sequence breaks off reads as windows-1252, and so does each byte after it
        assertReads("â€A", bytes(0xe2, 0x80, "A"));
    }

    @Test
    void sequencesUtf8ForbidsAreReadByteByByte() throws IOException {
        assertReads("À¯", bytes(0xc0, 0xaf));              // overlong "/"
        assertReads("í\u00a0€", bytes(0xed, 0xa0, 0x80));      // an encoded surrogate
        assertReads("õ€€€", bytes(0xf5, 0x80, 0x80, 0x80));    // beyond U+10FFFF
        assertReads("ðŸŽ", bytes(0xf0, 0x9f, 0x8e));          // cut off by the end of the input
    }

    @Test
    void sequencesAcrossTheReadersBufferAndTheCallersArray() throws IOException {
        for (int at = 8188; at <= 8194; at++) {
            String ascii = "a".repeat(at);
            assertReads(ascii + "\uD83C\uDF99é", utf8(ascii + "\uD83C\uDF99é"));
            assertReads(ascii + "’x", bytes(ascii, 0x92, "x"));
        }
    }

    private static void assertReads(String expected, byte[] input) throws IOException {
        for (int size : READ_SIZES) {
            assertEquals(expected, read(new ByteArrayInputStream(input), size), "read " + size + " chars at a time");
            assertEquals(expected, read(new Trickle(input), size), "from a stream that hands over 3 bytes a time");
        }
    }

    private static String read(InputStream in, int size) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[size];
        try (Utf8OrCp1252Reader r = new Utf8OrCp1252Reader(in)) {
            for (int n; (n = r.read(buf, 0, size)) >= 0; ) sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Strings as UTF-8, integers as single bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) out.writeBytes(utf8(s));
            else out.write((Integer) p);
        }
        return out.toByteArray();
    }

    /** A network-like stream: short reads split sequences between calls. */
    private static final class Trickle extends ByteArrayInputStream {
        Trickle(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 3));
        }
    }
}
