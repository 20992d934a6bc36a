package com.podcastinsights.hostile;

import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile XML served as a feed, polled next to an honest feed ({@link HostileFeedBatch}). The parser refuses
 * every DOCTYPE with an internal subset (where XXE and entity expansion live), never resolves an external DTD,
 * and caps the bytes it reads; what real feeds get wrong by accident (bad UTF-8, control characters) is
 * repaired instead of refused. docs/operations.md maps each case to its threat.
 */
class HostileXmlTest {
    private final HostileFeedBatch batch = new HostileFeedBatch();
    private final SafeHttpClient local = new SafeHttpClient(HttpPolicy.local());

    @AfterEach
    void close() {
        batch.close();
    }

    private static LoopbackServer.Responder xml(String body) {
        return LoopbackServer.ok("application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
    }

    private static LoopbackServer.Responder xml(byte[] body) {
        return LoopbackServer.ok("application/rss+xml", body);
    }

    private static String feed(String title) {
        return "<rss><channel><title>Hostile</title><item><guid>h-1</guid><title>" + title
                + "</title></item></channel></rss>";
    }

    private Episode onlyHostileEpisode() {
        var list = batch.episodes.listByFeed(batch.hostileId());
        assertEquals(1, list.size());
        return list.get(0);
    }

    @Test
    void xxeReadingALocalFileIsRefused() {
        batch.pollServed(xml("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + feed("&xxe;")), local);

        batch.assertRefused("DOCTYPE with an internal subset");
        assertFalse(batch.log().contains("root:"), "nothing of the file is read");
    }

    @Test
    void xxeFetchingAUrlIsRefusedAndTheUrlIsNeverRequested() {
        String steal = batch.hostile.uri("/steal").toString();
        batch.pollServed(xml("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + steal + "\">]>" + feed("&xxe;")), local);

        batch.assertRefused("DOCTYPE with an internal subset");
        assertEquals(0, batch.hostile.hits("/steal"));
    }

    @Test
    void parameterEntityXxeIsRefusedAndNeverFetched() {
        String dtd = batch.hostile.uri("/evil.dtd").toString();
        batch.pollServed(xml("<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + dtd + "\"> %remote;]>" + feed("x")), local);

        batch.assertRefused("DOCTYPE with an internal subset");
        assertEquals(0, batch.hostile.hits("/evil.dtd"));
    }

    @Test
    void anExternalDtdIsNeverFetchedAndItsEntitiesStayLiteralText() {
        String dtd = batch.hostile.uri("/evil.dtd").toString();
        batch.hostile.route("/evil.dtd", xml("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"));
        batch.pollServed(xml("<!DOCTYPE rss SYSTEM \"" + dtd + "\">" + feed("Title &xxe; here")), local);

        // No internal subset, so nothing to refuse: the DTD is simply not loaded, and &xxe; is not expanded.
        batch.assertAccepted();
        assertEquals(0, batch.hostile.hits("/evil.dtd"));
        assertEquals("Title &xxe; here", onlyHostileEpisode().title());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        batch.pollServed(xml(dtd + feed("&lol9;")), local);

        batch.assertRefused("DOCTYPE with an internal subset");
    }

    @Test
    void quadraticBlowupIsRefused() {
        String big = "a".repeat(50_000);
        String doc = "<!DOCTYPE rss [<!ENTITY a \"" + big + "\">]>" + feed("&a;".repeat(5_000));
        batch.pollServed(xml(doc), local);

        batch.assertRefused("DOCTYPE with an internal subset");
    }

    @Test
    void aOneGigabyteFeedStopsAtTheSizeCapWithoutBeingHeld() {
        long gigabyte = 1L << 30;
        AtomicLong served = new AtomicLong();
        // Generated as it is sent: the gigabyte exists neither in memory nor on disk, here or in the client.
        batch.pollServed(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0); // chunked: the cap must hold without a Content-Length
            byte[] item = "<item><guid>g</guid><title>padding padding padding padding</title></item>\n"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss><channel><title>Huge</title>".getBytes(StandardCharsets.UTF_8));
                while (served.get() < gigabyte) {
                    out.write(item);
                    served.addAndGet(item.length);
                }
            } catch (IOException clientHungUp) {
                // the client cancelled at its cap: that is the point
            }
        }, local);

        long cap = HttpPolicy.local().maxBytes();
        batch.assertRefused("response exceeds " + cap + " bytes");
        assertTrue(served.get() < 4 * cap, "the server stopped soon after the cap, not at 1 GB: " + served.get());
    }

    @Test
    void aFeedDeclaringOneGigabyteIsRefusedBeforeItsBodyIsRead() {
        long gigabyte = 1L << 30;
        AtomicLong served = new AtomicLong();
        batch.pollServed(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, gigabyte);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (served.get() < gigabyte) {
                    out.write(chunk);
                    out.flush();
                    served.addAndGet(chunk.length);
                }
            } catch (IOException clientHungUp) {
                // refused on the header: the client hung up
            }
        }, local);

        batch.assertRefused("response exceeds " + HttpPolicy.local().maxBytes() + " bytes (Content-Length 1073741824)");
        assertTrue(served.get() < HttpPolicy.local().maxBytes(), "refused before the cap was even read: " + served.get());
    }

    @Test
    void deepNestingIsRefusedAtAFixedDepthOnEveryJdk() {
        int depth = 200_000;
        String doc = "<rss><channel><title>Deep</title><item><guid>d-1</guid><title>Deep item</title>"
                + "<x>".repeat(depth) + "</x>".repeat(depth) + "</item></channel></rss>";
        batch.pollServed(xml(doc), local);

        batch.assertRefused("feed nests elements deeper than 100");
    }

    @Test
    void invalidUtf8IsReadAsWindows1252NotRefused() {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.UTF_8));
        doc.writeBytes(feed("Caf\u00e9 ").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = doc.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        // swap the valid "é" (C3 A9) for a lone E9, an overlong C0 AF and a stray continuation byte 80
        byte[] bad = text.replace("Caf\u00e9 ", "Caf\u0001 ").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bad) {
            if (b == 0x01) out.writeBytes(new byte[] {(byte) 0xE9, (byte) 0xC0, (byte) 0xAF, (byte) 0x80});
            else out.write(b);
        }
        batch.pollServed(xml(out.toByteArray()), local);

        batch.assertAccepted();
        String title = onlyHostileEpisode().title();
        assertTrue(title.startsWith("Caf\u00e9"), title);
        assertFalse(title.chars().anyMatch(c -> c < 0x20), title);
    }

    @Test
    void nulAndOtherControlBytesBecomeSpacesNotAFailure() {
        byte[] doc = feed("nul\u0000here\u0007and\u001bthere").getBytes(StandardCharsets.UTF_8);
        batch.pollServed(xml(doc), local);

        batch.assertAccepted();
        String title = onlyHostileEpisode().title();
        assertFalse(title.chars().anyMatch(c -> c < 0x20), "no control character is stored: " + title);
        assertTrue(title.startsWith("nul") && title.endsWith("there"), title);
    }

    @Test
    void nulBytesInsideMarkupMakeAClearMalformedFeed() {
        batch.pollServed(xml("<rss><chan\u0000nel><title>x</title></channel></rss>".getBytes(StandardCharsets.UTF_8)), local);

        batch.assertRefused("malformed feed XML");
    }

    @Test
    void anHtmlPageInsteadOfAFeedIsRefusedByName() {
        batch.pollServed(xml("<html><body><script>alert(1)</script></body></html>"), local);

        batch.assertRefused("not a feed: root element is <html>");
    }

    @Test
    void aMegabyteLongTitleIsCutSoItStillFitsTheTableAndTheEvent() {
        String title = "A".repeat(1 << 20);
        batch.pollServed(xml(feed(title)), local);

        batch.assertAccepted();
        assertEquals(1_000, onlyHostileEpisode().title().length());
        batch.events.published().forEach(e ->
                assertTrue(e.detailJson().length() < 8 * 1024, "an event stays far below EventBridge's 256 KB"));
    }

    @Test
    void aFeedThatIsOneMegabyteLongLineParses() {
        StringBuilder doc = new StringBuilder("<rss><channel><title>One line</title>");
        for (int i = 0; doc.length() < (1 << 20); i++) {
            doc.append("<item><guid>l-").append(i).append("</guid><title>Item ").append(i)
                    .append("</title><description>").append("word ".repeat(200)).append("</description></item>");
        }
        doc.append("</channel></rss>");
        batch.pollServed(xml(doc.toString()), local);

        batch.assertAccepted();
        // every item parsed; one poll records the per-feed cap of them (issue 13), the next polls the rest
        assertTrue(batch.log().contains(" items, ") && batch.report.capped() == 1, batch.log());
        assertEquals(com.podcastinsights.feed.PollLimits.DEFAULT_MAX_NEW_PER_FEED,
                batch.episodes.listByFeed(batch.hostileId()).size());
    }
}
