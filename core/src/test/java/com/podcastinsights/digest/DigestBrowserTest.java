package com.podcastinsights.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The email in a real browser (headless Chromium): at 375px (a phone) and 1024px nothing overflows
 * horizontally and all five insights are on the page, inside the viewport; the plain-text part carries the
 * same five. These are insights written for the test, with a very long word and URL; the screenshots in docs/
 * are of the digest `make run` writes ({@code SampleEmailTest} in cli/).
 */
class DigestBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Headless Chromium will not make a window narrower than 500px, so the email is laid out in an iframe of
     * exactly the width under test (its own viewport, as on a phone) and measured from the parent page. The
     * email itself carries no script.
     */
    static String frame(String emailHtml, int width, int height, boolean probe) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0;}"
                + "iframe{border:0;display:block;}</style></head><body>"
                + "<iframe id=\"f\" style=\"width:" + width + "px;height:" + height + "px;\" srcdoc=\""
                + MailText.escapeHtml(emailHtml) + "\"></iframe>"
                + (!probe ? "" : "<script>document.getElementById('f').addEventListener('load',function(){"
                + "var w=this.contentWindow,d=this.contentDocument,e=d.documentElement,r=[];"
                + "d.querySelectorAll('.insight').forEach(function(x){var b=x.getBoundingClientRect();"
                + "r.push({left:b.left,right:b.right,height:b.height,text:x.innerText});});"
                + "var o=document.createElement('pre');o.id='probe';o.textContent=JSON.stringify({innerWidth:w.innerWidth,"
                + "scrollWidth:e.scrollWidth,bodyScrollWidth:d.body.scrollWidth,scrollHeight:e.scrollHeight,insights:r});"
                + "document.body.appendChild(o);});</script>")
                + "</body></html>";
    }

    /** Five insights as a real day could have them (written for this test), one with a very long word and URL. */
    static List<Insight> sampleDay() {
        String day = "2026-11-30";
        return List.of(
                new Insight("i1", "f1", "e1", "The Compute Frontier", "Why small models got cheap",
                        "Small models got cheap because distillation lets a large model teach a small one with far fewer "
                                + "examples. The teacher's probabilities carry more signal than raw labels, so the student "
                                + "learns the shape of the answer, not just the answer. Expect capable models on phones within a year.",
                        0.93, 83.5, "Guest", "https://media.example/cf/041.mp3#t=83", "https://compute-frontier.example/41", day),
                new Insight("i2", "f2", "e2", "Grid & Ground", "Batteries on the <edge> of the grid",
                        "Home batteries earn most when they answer the grid's few worst hours, not every evening. Those hours "
                                + "set the price for the whole year, which means a small fleet can shave real money off everyone's bill.",
                        0.88, 1312, "Host", "https://media.example/gg/017.mp3#t=1312", "https://grid-and-ground.example/17", day),
                new Insight("i3", "f3", "e3", "Well Rested", "The afternoon dip is real",
                        "The after-lunch slump is mostly circadian, not the meal: it shows up even when people skip lunch. "
                                + "A twenty-minute nap or bright light blunts it, so schedule hard thinking before noon.",
                        0.81, 3725, "Guest", "https://media.example/wr/009.mp3#t=3725", "https://well-rested.example/9", day),
                new Insight("i4", "f1", "e4", "The Compute Frontier", "Caches all the way down",
                        "Caching pays off because the hot set is small: a few percent of keys take most reads. Measure the hot "
                                + "set before buying memory, since supercalifragilisticexpialidociousnessofunbrokenidentifiers "
                                + "are rare and a bigger cache mostly stores what nobody asks for.",
                        0.77, 640, "Host",
                        "https://media.example/cf/042.mp3?session=aVeryLongQueryStringThatNeverBreaksAnywhereAtAllAndKeepsGoing#t=640",
                        "https://compute-frontier.example/42", day),
                new Insight("i5", "f2", "e5", "Grid & Ground", "Heat pumps in the cold",
                        "Modern heat pumps keep working well below freezing because variable-speed compressors avoid the old "
                                + "on-off cycling. The lesson is that sizing matters more than the outdoor minimum, so installers "
                                + "should size for the house, not the coldest night.",
                        0.74, 455, "Guest", "https://media.example/gg/018.mp3#t=455", null, day));
    }

    static JsonNode probe(HeadlessChromium chromium, Path dir, String emailHtml, int width) throws Exception {
        Path html = dir.resolve("probe-" + width + ".html");
        Files.writeString(html, frame(emailHtml, width, 900, true));
        String dom = chromium.dumpDom(html, Math.max(width, 500), 900);
        Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the probe did not run; DOM was: " + dom.substring(0, Math.min(500, dom.length())));
        return JSON.readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    @Test
    void theEmailFitsPhoneAndDesktopWidthsWithAllFiveInsightsVisible(@TempDir Path dir) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.findOrSkip();
        List<Insight> five = sampleDay();
        RenderedDigest digest = new DigestRenderer().render("2026-11-30", five,
                new DigestRenderer.Footer("reader@example.com", List.of("batteries", "sleep"),
                        "https://abcdefgh.lambda-url.us-east-1.on.aws/?token=v1.cmVhZGVyQGV4YW1wbGUuY29t.Zm9yLXRoZS1zY3JlZW5zaG90"));
        assertFalse(digest.html().contains("<script"), "the email carries no script");
        assertFalse(digest.html().matches("(?s).*<img[^>]+src=\"https?:.*"), "no remote images");

        for (int width : new int[]{375, 1024}) {
            JsonNode r = probe(chromium, dir, digest.html(), width);
            assertEquals(width, r.path("innerWidth").asInt(), r.toString());
            assertTrue(r.path("scrollWidth").asInt() <= width, "horizontal overflow at " + width + "px: " + r);
            assertTrue(r.path("bodyScrollWidth").asInt() <= width, "horizontal overflow at " + width + "px: " + r);
            assertEquals(5, r.path("insights").size(), r.toString());
            for (int n = 0; n < 5; n++) {
                JsonNode card = r.path("insights").get(n);
                assertTrue(card.path("left").asDouble() >= 0 && card.path("right").asDouble() <= width
                        && card.path("height").asDouble() > 40, "insight " + (n + 1) + " not fully visible at " + width + "px: " + card);
                assertTrue(card.path("text").asText().contains(five.get(n).text().substring(0, 40)), card.toString());
            }
            if (width == 1024) assertTrue(r.path("insights").get(0).path("right").asDouble()
                    - r.path("insights").get(0).path("left").asDouble() <= 600, "the column stays at most 600px wide");
        }

        for (Insight i : five) {
            assertTrue(digest.text().contains(MailText.plain(i.text())), "text part lacks: " + i.text());
            assertTrue(digest.text().contains(MailText.plain(i.podcastTitle()) + " — " + MailText.plain(i.episodeTitle())));
        }
    }
}
