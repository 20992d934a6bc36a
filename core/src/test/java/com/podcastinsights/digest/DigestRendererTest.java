package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DigestRendererTest {
    private final DigestRenderer renderer = new DigestRenderer();

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
        assertTrue(d.text().contains("Listen at 1:14: https://cdn.example/a.mp3#t=74"));
    }

    @Test
    void subjectNamesTheProductAndDateWithAWholeSentenceNeverACutOne() {
        Insight longFirst = new Insight("x", "f", "e", "P", "E",
                "Small models got cheap\r\nmostly because distillation lets a large model teach a small one, which means fewer examples. More.",
                0.9, 1, null, null, null, "2026-12-04");
        Insight shortSecond = new Insight("y", "f", "e2", "Q", "E2",
                "Memory, not math, is what serving a model costs. The rest follows from that.",
                0.8, 1, null, null, null, "2026-12-04");
        String subject = renderer.render("2026-12-04", List.of(longFirst, shortSecond)).subject();
        assertEquals("Podcast Insights, Fri 4 Dec: Memory, not math, is what serving a model costs", subject);
        String shows = renderer.render("2026-12-04", List.of(longFirst)).subject();
        assertEquals("Podcast Insights, Fri 4 Dec: 1 insight from P", shows);
        assertFalse(shows.contains("…"), shows);
    }

    @Test
    void thePreheaderIsHiddenPreviewTextThatAddsToTheSubject() {
        Insight longFirst = new Insight("x", "f", "e", "Show <A>", "E",
                "Small models got cheap mostly because distillation lets a large model teach a small one, with fewer examples. More.",
                0.9, 1, null, null, null, "2026-12-04");
        String html = renderer.render("2026-12-04", List.of(longFirst)).html();
        assertTrue(html.contains("<div class=\"preheader\" style=\"display:none;"), html);
        assertTrue(html.contains(">Small models got cheap mostly because distillation lets a large model teach a small one, "
                + "with fewer examples.</div>"), html);
        Insight shortFirst = longFirst.withText("Memory is the cost. More follows.");
        assertTrue(renderer.render("2026-12-04", List.of(shortFirst)).html()
                .contains(">1 insight from Show &lt;A&gt;, each a minute&#39;s read.</div>"));
    }

    @Test
    void theHeadingCarriesTheDateAndEachInsightItsSpeakerWhenANameIsKnown() {
        Insight named = DigestFixtures.insight("a", 1, 0.9, "2026-12-04");
        Insight labelled = new Insight("b", "f", "e", "Show", "Ep", "Text of b.", 0.8, 65, "Speaker 2",
                "https://cdn.example/b.mp3#t=65", null, "2026-12-04");
        RenderedDigest d = renderer.render("2026-12-04", List.of(withSpeaker(named, "Maya Okafor"), labelled));
        assertTrue(d.html().contains("Podcast Insights · Friday, 4 December 2026</p>"), d.html());
        assertTrue(d.text().startsWith("Podcast Insights · Friday, 4 December 2026\n"), d.text());
        assertTrue(d.html().contains(">Maya Okafor · Podcast a — Episode a · 1:14</p>"), d.html());
        assertTrue(d.text().contains("   Maya Okafor · Podcast a — Episode a · 1:14\n"), d.text());
        assertTrue(d.html().contains(">Show — Ep · 1:05</p>"), "a diarization label is no name: " + d.html());
    }

    private static Insight withSpeaker(Insight i, String speaker) {
        return new Insight(i.id(), i.feedId(), i.episodeId(), i.podcastTitle(), i.episodeTitle(), i.text(), i.score(),
                i.startSeconds(), speaker, i.link(), i.episodeUrl(), i.day(), i.source(), i.language());
    }

    @Test
    void anInsightFromTheShowNotesSaysSoWithNoTimestampSpeakerOrListenLink() {
        Insight notes = new Insight("n", "f", "e", "Show", "Ep", "Written in the notes.", 0.8, 0, "Maya Okafor",
                "https://cdn.example/n.mp3#t=0", "https://show.example/ep", "2026-12-04", Insight.SHOW_NOTES, "en");
        RenderedDigest d = renderer.render("2026-12-04", List.of(notes));
        assertTrue(d.html().contains(">Show — Ep · from the show notes</p>"), d.html());
        assertTrue(d.text().contains("   Show — Ep · from the show notes\n"), d.text());
        for (String part : List.of(d.html(), d.text())) {
            assertFalse(part.contains("0:00") || part.contains("Listen at"), part);
            assertTrue(part.contains("Episode page"), part);
        }
    }

    @Test
    void theFooterCarriesThePostalAddressWhenOneIsSet() {
        DigestRenderer withAddress = new DigestRenderer("1 Main St <b>, Springfield\r\nBcc: x");
        RenderedDigest d = withAddress.render("2026-12-04", List.of(DigestFixtures.insight("a", 1, 0.9, "2026-12-04")));
        assertTrue(d.html().contains("<p class=\"postal\" style=\"margin:0;\">Podcast Insights · 1 Main St &lt;b&gt;, Springfield Bcc: x</p>"),
                d.html());
        assertTrue(d.text().endsWith("Podcast Insights · 1 Main St <b>, Springfield Bcc: x\n"), d.text());
        assertFalse(renderer.render("2026-12-04", List.of(DigestFixtures.insight("a", 1, 0.9, "2026-12-04")))
                .html().contains("class=\"postal\""));
    }

    @Test
    void theLayoutIsTablesWithAFixed600pxColumnAndNoCssThatMajorClientsDrop() {
        String html = renderer.render("2026-12-04", List.of(DigestFixtures.insight("a", 1, 0.9, "2026-12-04"))).html();
        assertTrue(html.contains("<table class=\"column\" width=\"600\""), html);
        assertTrue(html.contains("<table class=\"card insight\""), html);
        for (String dropped : List.of("overflow-wrap", "word-wrap", "box-sizing", "@media", "<style", "<div class=\"page\"")) {
            assertFalse(html.contains(dropped), dropped);
        }
    }

    @Test
    void aLongUnbrokenWordGetsBreakOpportunitiesInTheHtmlOnly() {
        String word = "a".repeat(70);
        Insight i = DigestFixtures.insight("a", 1, 0.9, "2026-12-04").withText("Before " + word + " after.");
        RenderedDigest d = renderer.render("2026-12-04", List.of(i));
        assertTrue(d.html().contains("a".repeat(30) + "\u200B" + "a".repeat(30) + "\u200B" + "a".repeat(10) + " after."), d.html());
        assertTrue(d.text().contains(word), d.text());
    }

    @Test
    void timestamps() {
        assertEquals("0:05", MailText.timestamp(5.9));
        assertEquals("12:34", MailText.timestamp(754));
        assertEquals("1:02:05", MailText.timestamp(3725));
    }
}
