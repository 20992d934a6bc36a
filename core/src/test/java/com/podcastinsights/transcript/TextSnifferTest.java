package com.podcastinsights.transcript;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Honest transcripts in every encoding the parsers read still pass the binary check; binaries do not. */
class TextSnifferTest {
    private static final String FRENCH = "Ana : Le réseau électrique économise de l'énergie grâce aux batteries, "
            + "à condition qu'elles soient chargées l'après-midi et déchargées à la pointe du soir.\n";

    @Test
    void honestTextInUtf8Utf16AndWindows1252Passes() {
        assertDoesNotThrow(() -> TextSniffer.requireText(FRENCH.repeat(50).getBytes(StandardCharsets.UTF_8)));
        byte[] utf16 = ("\uFEFF" + FRENCH.repeat(50)).getBytes(StandardCharsets.UTF_16BE);
        assertDoesNotThrow(() -> TextSniffer.requireText(utf16));
        assertDoesNotThrow(() -> TextSniffer.requireText(FRENCH.repeat(50).getBytes(Charset.forName("windows-1252"))),
                "an accented letter in twenty is not binary");
        assertDoesNotThrow(() -> TextSniffer.requireText("WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n".getBytes(StandardCharsets.UTF_8)));
        assertDoesNotThrow(() -> TextSniffer.requireText(new byte[0]));
    }

    @Test
    void binariesAreRefused() {
        assertThrows(TextSniffer.NotTextException.class, () -> TextSniffer.requireText("%PDF-1.4\nBT /F1 12 Tf (Hello) Tj ET"
                .getBytes(StandardCharsets.US_ASCII)), "a PDF, even an all-ASCII one");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertThrows(TextSniffer.NotTextException.class, () -> TextSniffer.requireText(png));
        assertThrows(TextSniffer.NotTextException.class, () -> TranscriptParsers.parse("text\u0000more".getBytes(
                StandardCharsets.UTF_8), "text/plain"), "the parsers check too");
    }

    @Test
    void onlyTextTypesTheParsersReadAreAccepted() {
        for (String ok : new String[] {null, "", "text/vtt", "text/plain; charset=utf-8", "application/json",
                "application/x-subrip", "text/html", "application/octet-stream", "text/markdown"}) {
            assertTrue(TextSniffer.readableType(ok), ok);
        }
        for (String no : new String[] {"application/pdf", "audio/mpeg", "image/png", "application/zip",
                "application/msword", "video/mp4"}) {
            assertFalse(TextSniffer.readableType(no), no);
        }
    }
}
