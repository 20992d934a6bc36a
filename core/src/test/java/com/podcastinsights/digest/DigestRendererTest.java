package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DigestRendererTest {
    private final DigestRenderer renderer = new DigestRenderer("digest@podcast-insights.example");

    private static Insight hostile() {
        return new Insight("x1", "f", "e", "<script>alert('pod')</script>", "Ep <b>1</b> & \"more\"",
                "Latency <matters> more than throughput because users feel the slowest request & remember it.",
                0.9, 754.9, "Guest", "https://cdn.example/e.mp3#t=754", "javascript:alert(1)", "2026-11-30");
    }

    @Test
    void theOtherShowsThatRaisedAPointAreNamedInBothPartsEscaped() {
        Insight i = hostile();
        RenderedDigest d = renderer.render("2026-11-30", List.of(i), DigestRenderer.Footer.none(),
                java.util.Map.of("x1", List.of("Show <B>", "C & \"D\"\r\nBcc: x")));
        assertTrue(d.html().contains("Also discussed on: Show &lt;B&gt;, C &amp; &quot;D&quot; Bcc: x</p>"), d.html());
        assertFalse(d.html().contains("<B>"));
        assertTrue(d.text().contains("\n   Also discussed on: Show <B>, C & \"D\" Bcc: x\n"), d.text());
        RenderedDigest alone = renderer.render("2026-11-30", List.of(i));
        assertFalse(alone.html().contains("Also discussed on"));
        assertFalse(alone.text().contains("Also discussed on"));
    }

    @Test
    void feedTextIsEscapedEverywhereInTheHtml() {
        String html = renderer.render("2026-11-30", List.of(hostile())).html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;pod&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("Ep &lt;b&gt;1&lt;/b&gt; &amp; &quot;more&quot;"));
        assertTrue(html.contains("Latency &lt;matters&gt;"));
        assertFalse(html.contains("javascript:"), "only web links become links");
        assertFalse(html.contains("<img"), "no remote images");
    }

    @Test
    void eachInsightHasAttributionTimestampAndLinks() {
        Insight i = DigestFixtures.insight("a", 1, 0.9, "2026-11-30");
        RenderedDigest d = renderer.render("2026-11-30", List.of(i));
        assertTrue(d.html().contains("Podcast a — Episode a"));
        assertTrue(d.html().contains("<a href=\"https://cdn.example/a.mp3#t=74\" style=\"color:#1d4ed8;\">Listen at 1:14</a>"));
        assertTrue(d.html().contains(">Episode page</a>"));
        assertTrue(d.html().contains("max-width:600px"));
        assertTrue(d.text().contains("Listen at 1:14: https://cdn.example/a.mp3#t=74"));
    }

    @Test
    void subjectComesFromTheFirstInsightShortenedAtAWordAndOnOneLine() {
        Insight first = new Insight("x", "f", "e", "P", "E",
                "Small models got cheap\r\nmostly because distillation lets a large model teach a small one, which means fewer examples.",
                0.9, 1, null, null, null, "d");
        String subject = renderer.render("d", List.of(first)).subject();
        assertFalse(subject.contains("\r") || subject.contains("\n"), subject);
        assertTrue(subject.length() <= DigestRenderer.SUBJECT_LENGTH + 1, subject);
        assertTrue(subject.startsWith("Small models got cheap mostly because"), subject);
        assertTrue(subject.endsWith("…"));
        assertTrue("Small models got cheap mostly because distillation lets a large model teach".startsWith(
                subject.substring(0, subject.length() - 1)), "cut at a word boundary: " + subject);
    }

    @Test
    void timestamps() {
        assertEquals("0:05", MailText.timestamp(5.9));
        assertEquals("12:34", MailText.timestamp(754));
        assertEquals("1:02:05", MailText.timestamp(3725));
    }
}
