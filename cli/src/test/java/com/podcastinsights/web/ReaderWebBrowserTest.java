package com.podcastinsights.web;

import com.podcastinsights.cli.LocalPipeline;
import com.podcastinsights.cli.LocalStages;
import com.podcastinsights.cli.LocalWebServer;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.Consent;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.ReaderFeedback;
import com.podcastinsights.digest.ReaderLinks;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.local.OutboxMailer;
import com.podcastinsights.port.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A reader in a real browser (headless Chromium) against {@code serve}'s server and the sample run's data: signs
 * up, confirms from the outbox, gets a digest, changes preferences, gives feedback, reads the archive and its feed,
 * and unsubscribes. Every click goes through the Lambda handler as a Function URL event. The screenshots of this run
 * are docs/web-subscribe.png, docs/web-preferences.png and docs/web-archive.png.
 */
class ReaderWebBrowserTest {
    private static final String READER = "web-reader@example.com";
    private static final byte[] KEY = "reader-web-browser-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final Path docs = Path.of(System.getProperty("project.root", "..")).resolve("docs");

    @Test
    void aReaderSignsUpConfirmsTunesGivesFeedbackReadsTheArchiveAndLeaves(@TempDir Path data) throws Exception {
        LocalPipeline.Result sample = new LocalPipeline(template(), Clock.systemUTC(), new PrintWriter(new StringWriter(), true))
                .runSample(data, "operator-added@example.com");
        assertTrue(sample.failures().isEmpty(), "the sample run: " + sample.failures());
        Table table = new FileTable(data.resolve("table"));
        OutboxMailer outbox = new OutboxMailer(data.resolve("outbox"));
        UnsubscribeKeys keys = UnsubscribeKeys.single(KEY);
        SubscriberRepository subscribers = new SubscriberRepository(table);

        try (LocalWebServer web = LocalWebServer.start(LocalStages.readerWeb(table, outbox, Clock.systemUTC(),
                Settings.defaults(), keys), 0); Browser browser = Browser.startOrSkip()) {
            String base = web.base();
            securityHeaders(base);

            // sign-up: the script pre-fills the time zone; the page is the same for a new and a known address
            browser.open(base + "subscribe");
            assertFalse(browser.value("#time-zone").isBlank(), "the browser's time zone is pre-filled");
            browser.fill("input[name=email]", READER);
            browser.fill("#time-zone", "Europe/Berlin");
            browser.eval("document.querySelector('select[name=send-hour]').value='6'");
            browser.check("input[name=topic][value=sleep]", true);
            browser.screenshot(600, docs.resolve("web-subscribe.png"));
            browser.click("form[action='/subscribe'] button");
            String checkInbox = browser.text();
            assertTrue(checkInbox.contains("Check your inbox"), checkInbox);
            assertTrue(subscribers.find(READER).isEmpty(), "nobody is subscribed before the confirming click");

            List<Path> mails = mailTo(outbox, READER);
            assertEquals(1, mails.size(), "one confirmation");
            browser.open(base + "subscribe");
            browser.fill("input[name=email]", READER);
            browser.click("form[action='/subscribe'] button");
            assertEquals(checkInbox, browser.text(), "a second sign-up looks the same");
            assertEquals(1, mailTo(outbox, READER).size(), "and sends no second confirmation within the hour");

            // confirmation: GET (what a link scanner does) shows a button and changes nothing; the POST subscribes
            browser.open(link(decoded(mails.get(0)), "confirm"));
            assertTrue(browser.text().contains("Confirm"), browser.text());
            assertTrue(subscribers.find(READER).isEmpty(), "a GET of the confirmation link subscribes nobody");
            browser.click("form[action='/confirm'] button");
            assertTrue(browser.text().contains("You are subscribed"), browser.text());
            Subscription s = subscribers.subscription(READER).orElseThrow();
            assertTrue(s.active());
            assertEquals("Europe/Berlin", s.subscriber().timeZone());
            assertEquals(6, s.subscriber().sendHour());
            assertEquals(List.of("sleep"), s.subscriber().topics());
            Consent consent = Consent.of(table, READER).orElseThrow();
            assertEquals(Consent.DOUBLE_OPT_IN, consent.method());
            assertTrue(consent.source().contains(base + "subscribe"), consent.toString());
            assertNotNull(consent.requestedAt());

            // the reader's digest, with links into this server
            String html = digestFor(table, outbox, keys, base, sample.day());
            String useful = link(html, "feedback"), preferences = link(html, "preferences");
            assertTrue(html.contains(base + "archive/" + sample.day()), "a view-in-browser link");

            browser.open(preferences);
            assertTrue(browser.text().contains(READER), browser.text());
            String show = browser.eval("document.querySelector('input[name=mute]').value").asText();
            browser.eval("document.querySelector('select[name=send-hour]').value='9'");
            browser.check("input[name=mute][value=\"" + show.replace("\"", "\\\"") + "\"]", true);
            browser.fill("input[name=pause-days]", "3");
            browser.screenshot(600, docs.resolve("web-preferences.png"));
            browser.click("form[action='/preferences'] button");
            assertTrue(browser.text().contains("Saved."), browser.text());
            Subscription tuned = subscribers.subscription(READER).orElseThrow();
            assertEquals(9, tuned.subscriber().sendHour());
            assertEquals(List.of(show), tuned.subscriber().mutedShows());
            assertTrue(tuned.pausedAt(Instant.now()), "paused");
            assertTrue(browser.text().contains("paused until"), browser.text());

            // feedback: the GET shows one button; only its POST counts
            browser.open(useful);
            assertTrue(browser.text().contains("Useful"), browser.text());
            assertEquals(0, votes(table), "a GET records nothing");
            browser.click("form[action='/feedback'] button");
            assertTrue(browser.text().contains("Thank you"), browser.text());
            assertEquals(1, votes(table));
            assertFalse(subscribers.find(READER).orElseThrow().weights().isEmpty(), "the vote shifted the reader's weights");

            // the archive: the day's edition as a page, and the Atom feed of editions
            browser.open(base + "archive/" + sample.day());
            assertEquals(5, browser.eval("document.querySelectorAll('.insight').length").asInt(), browser.text());
            browser.screenshot(600, docs.resolve("web-archive.png"));
            atom(base, sample.day());

            // unsubscribe from the preferences page
            browser.open(preferences);
            browser.click("button.secondary");
            assertTrue(browser.text().contains("You are unsubscribed"), browser.text());
            assertFalse(subscribers.find(READER).orElseThrow().active());
            browser.open(preferences);
            assertTrue(browser.text().contains("You are not subscribed"), "the old link opens nothing: " + browser.text());
        }
    }

    private static String digestFor(Table table, OutboxMailer outbox, UnsubscribeKeys keys, String base, String day) {
        UnsubscribeLinks unsubscribe = new UnsubscribeLinks(UnsubscribeLinks.LOCAL_ENDPOINT, new UnsubscribeToken(keys));
        // 06:00 in Berlin on the sample's day: the reader's send hour
        Instant at = java.time.LocalDate.parse(day).atTime(LocalTime.of(6, 0)).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
        new DigestSender(table, outbox, Clock.fixed(at, ZoneOffset.UTC), Settings.defaults(), unsubscribe)
                .withReaderLinks(new ReaderLinks(base, new WebToken(() -> keys))).send(at);
        List<Path> html = outbox.sent().stream().filter(p -> p.toString().contains(READER.replace("@", "@")))
                .map(p -> Path.of(p.toString().replace(".eml", ".html"))).filter(Files::exists)
                .filter(p -> read(p).contains("Today's top")).toList(); // the digest, not the confirmation
        assertFalse(html.isEmpty(), "the reader's digest");
        return read(html.get(html.size() - 1)).replace("&amp;", "&");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every part of a message, decoded. */
    private static String decoded(Path eml) throws java.io.IOException {
        return String.join("\n", ParsedMime.parse(Files.readAllBytes(eml)).parts().stream().map(ParsedMime.Part::body).toList());
    }

    private static List<Path> mailTo(OutboxMailer outbox, String to) {
        return outbox.sent().stream().filter(p -> p.getParent().getFileName().toString().equals(to)).toList();
    }

    /** The first link to {@code page} in a mail or page (its query decoded from quoted-printable soft breaks). */
    private static String link(String text, String page) {
        Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/" + page + "\\?token=[A-Za-z0-9._%=-]+)")
                .matcher(text.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="));
        assertTrue(m.find(), "a " + page + " link in: " + text);
        return m.group(1);
    }

    private static int votes(Table table) {
        return new ReaderFeedback(table).totals().stream().mapToInt(t -> t.useful() + t.notForMe()).sum();
    }

    private static void securityHeaders(String base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "subscribe")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-security-policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
        assertEquals("DENY", r.headers().firstValue("x-frame-options").orElse(""));
        assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(""));
        assertTrue(r.headers().firstValue("strict-transport-security").orElse("").startsWith("max-age="));
    }

    private static void atom(String base, String day) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "archive.atom")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertEquals(1, entries.getLength());
        assertTrue(entries.item(0).getTextContent().contains(day));
    }

    private static Path template() {
        String root = System.getProperty("project.root");
        return root != null ? Path.of(root, "template.yaml") : Path.of("..", "template.yaml");
    }
}
