package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MimeMessageWriterTest {
    private final MimeMessageWriter writer = new MimeMessageWriter();
    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, ZoneOffset.UTC);

    private byte[] write(String subject, Map<String, String> extra, RenderedDigest d) {
        return writer.write(new MimeMessageWriter.Message("digest@podcast-insights.example", "reader@example.com",
                subject, DATE, "digest-1@podcast-insights.example", "mailto:unsubscribe@podcast-insights.example?subject=unsubscribe",
                extra, d.text(), d.html()));
    }

    @Test
    void bothPartsCarryTheSameFiveInsights() {
        List<Insight> five = List.of(DigestFixtures.insight("a", 1, 0.9, "d"), DigestFixtures.insight("a", 2, 0.8, "d"),
                DigestFixtures.insight("b", 1, 0.7, "d"), DigestFixtures.insight("c", 1, 0.6, "d"),
                DigestFixtures.insight("b", 2, 0.5, "d"));
        RenderedDigest d = new DigestRenderer().render("2026-11-30", five);
        ParsedMime mime = ParsedMime.parse(write(d.subject(), Map.of(), d));
        assertEquals(2, mime.parts().size());
        assertEquals("text/plain; charset=UTF-8", mime.parts().get(0).contentType());
        assertEquals("text/html; charset=UTF-8", mime.parts().get(1).contentType());
        for (Insight i : five) {
            assertTrue(mime.parts().get(0).body().contains(i.text()), i.text());
            assertTrue(mime.parts().get(1).body().contains(MailText.escapeHtml(i.text())), i.text());
        }
        assertTrue(mime.headers().get("Content-Type").startsWith("multipart/alternative"));
        assertEquals("1.0", mime.headers().get("MIME-Version"));
        assertEquals("<digest-1@podcast-insights.example>", mime.headers().get("Message-ID"));
        assertEquals("<mailto:unsubscribe@podcast-insights.example?subject=unsubscribe>", mime.headers().get("List-Unsubscribe"));
        assertEquals("Mon, 30 Nov 2026 07:00:00 GMT", mime.headers().get("Date"));
    }

    @Test
    void oneClickUnsubscribeHeadersFollowRfc8058() {
        String header = "<https://u.example/?token=v1.abc.def>, <mailto:unsubscribe@podcast-insights.example?subject=unsubscribe>";
        ParsedMime mime = ParsedMime.parse(writer.write(new MimeMessageWriter.Message("digest@podcast-insights.example",
                "reader@example.com", "s", DATE, "m@x", header, Map.of("List-Unsubscribe-Post", "evil"), "t", "<p>h</p>")));
        assertEquals("<https://u.example/?token=v1.abc.def>,\r\n <mailto:unsubscribe@podcast-insights.example?subject=unsubscribe>",
                mime.headers().get("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", mime.headers().get("List-Unsubscribe-Post"), "not overridable by extras");
        assertEquals(1, mime.headerLines().stream().filter(l -> l.startsWith("List-Unsubscribe-Post:")).count());

        ParsedMime mailtoOnly = ParsedMime.parse(write("s", Map.of(), new RenderedDigest("s", "t", "h")));
        assertNull(mailtoOnly.headers().get("List-Unsubscribe-Post"), "one-click needs an https URI");
    }

    @Test
    void everyLineEndsWithCrlf() {
        RenderedDigest d = new RenderedDigest("s", "line one\nline two\n", "<p>x</p>\n");
        String raw = new String(write("s", Map.of(), d), StandardCharsets.US_ASCII);
        assertFalse(raw.replace("\r\n", "").contains("\n"), "bare LF");
        assertFalse(raw.replace("\r\n", "").contains("\r"), "bare CR");
        assertEquals("line one\r\nline two\r\n", ParsedMime.parse(raw.getBytes(StandardCharsets.US_ASCII)).parts().get(0).body());
        for (String line : raw.split("\r\n")) assertTrue(line.length() <= 998);
    }

    @Test
    void crOrLfInHeaderValuesCannotAddHeaders() {
        RenderedDigest d = new RenderedDigest("s", "t", "h");
        ParsedMime mime = ParsedMime.parse(write("Hello\r\nBcc: victim@example.com", Map.of("X-Note", "a\nBcc: b@example.com"), d));
        assertFalse(mime.headers().containsKey("Bcc"));
        assertEquals("Hello Bcc: victim@example.com", mime.headers().get("Subject"));
        assertEquals("a Bcc: b@example.com", mime.headers().get("X-Note"));
    }

    @Test
    void nonAsciiSubjectsAreEncodedWords() {
        String subject = "Warum kleine Modelle günstiger wurden — und was das für Teams heißt, die selbst hosten";
        ParsedMime mime = ParsedMime.parse(write(subject, Map.of(), new RenderedDigest(subject, "t", "h")));
        assertTrue(mime.headers().get("Subject").startsWith("=?UTF-8?B?"));
        assertEquals(subject, mime.decodedSubject());
        String folded = mime.headerLines().stream().filter(l -> l.startsWith("Subject:")).findFirst().orElseThrow();
        assertTrue(folded.contains("\r\n "), "long encoded subject is folded");
        for (String physical : folded.split("\r\n")) assertTrue(physical.length() <= 78, physical);
    }

    @Test
    void aNonAsciiSenderNameIsEncodedButTheAddressIsNot() {
        assertEquals("=?UTF-8?B?UG9kY2FzdCBFaW5zaWNodGVuIMOc?= <digest@example.com>",
                MimeMessageWriter.mailbox("Podcast Einsichten Ü <digest@example.com>"));
        assertEquals("Podcast Insights <digest@example.com>", MimeMessageWriter.mailbox("Podcast Insights <digest@example.com>"));
        assertEquals("\"Insights, Daily\" <digest@example.com>", MimeMessageWriter.mailbox("Insights, Daily <digest@example.com>"));
        assertEquals("digest@example.com", MimeMessageWriter.mailbox("digest@example.com"));
    }
}
