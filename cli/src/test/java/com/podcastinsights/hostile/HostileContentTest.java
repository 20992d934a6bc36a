package com.podcastinsights.hostile;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import com.podcastinsights.insight.ExtractedInsight;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.insight.RankedPassage;
import com.podcastinsights.transcript.ParsedTranscript;
import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.ShowNotes;
import com.podcastinsights.transcript.TranscriptParsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text an attacker controls (titles, show notes, transcripts) on its way into the email: escaped in the HTML
 * part, one line per field in the plain part, never a header of its own, and bounded however long it is.
 * Unit tests of the same rules: DigestRendererTest.feedTextIsEscapedEverywhereInTheHtml,
 * MimeMessageWriterTest.crOrLfInHeaderValuesCannotAddHeaders.
 */
class HostileContentTest {
    private static final String DAY = "2026-11-30";
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String INJECTED_HEADERS = "\r\nBcc: victim@evil.example\r\nX-Injected: 1\r\n\r\n<html>";

    private final InMemoryTable table = new InMemoryTable();
    private final RecordingMailer mailer = new RecordingMailer();

    /** A day whose only insights were written by an attacker, sent to one reader; returns the parsed email. */
    private ParsedMime digestOf(String podcastTitle, String episodeTitle, String text, String link, String page) {
        List<ExtractedInsight> found = new java.util.ArrayList<>();
        for (int rank = 1; rank <= 2; rank++) {
            Insight i = new Insight("id-e-" + rank, "feed-e", "episode-e", podcastTitle, episodeTitle,
                    text + " Insight " + rank + " holds because the evidence shows it, so it matters.", 0.9 - rank / 10.0,
                    60.0 * rank, "Guest", link, page, DAY);
            found.add(new ExtractedInsight(rank, i, i.text()));
        }
        new InsightRepository(table).save("episode-e", found, "2026-11-30T06:00:00Z");
        new SubscriberRepository(table).subscribe("reader@example.com", "2026-11-01T00:00:00Z");
        Settings settings = new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
        new DigestSender(table, mailer, Clock.fixed(Instant.parse("2026-11-30T07:00:03Z"), ZoneOffset.UTC), settings)
                .send(Instant.parse("2026-11-30T07:00:00Z"));
        assertEquals(1, mailer.sent.size());
        return ParsedMime.parse(mailer.sent.get(0).raw());
    }

    private static String html(ParsedMime mime) {
        return mime.parts().stream().filter(p -> p.contentType().startsWith("text/html")).findFirst().orElseThrow().body();
    }

    private static String text(ParsedMime mime) {
        return mime.parts().stream().filter(p -> p.contentType().startsWith("text/plain")).findFirst().orElseThrow().body();
    }

    @Test
    void scriptAndMarkupInTitlesAndTextAreEscapedInTheHtmlPart() {
        ParsedMime mime = digestOf(SCRIPT + " Show", IMG + " Episode", "</p>" + SCRIPT + "<a href=\"https://evil.example\">win</a>",
                "https://cdn.example/e.mp3#t=60", "https://example.com/e");

        String html = html(mime);
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no image element");
        assertFalse(html.contains("href=\"https://evil.example"), "no link of the attacker's");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Show"), "shown as text, escaped");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; Episode"), "shown as text, escaped");
    }

    @Test
    void theSameMarkupInThePlainPartIsInertText() {
        ParsedMime mime = digestOf(SCRIPT + " Show", IMG + " Episode", SCRIPT, "https://cdn.example/e.mp3#t=60", null);

        String text = text(mime);
        assertTrue(mime.parts().stream().anyMatch(p -> p.contentType().startsWith("text/plain")));
        assertTrue(text.contains(SCRIPT + " Show"), "text/plain shows it literally, where it cannot run");
    }

    @Test
    void javascriptAndDataLinksFromAFeedNeverBecomeLinks() {
        ParsedMime mime = digestOf("Show", "Episode", "Plain text.", "javascript:alert(document.cookie)//#t=60",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");

        String html = html(mime).toLowerCase();
        assertFalse(html.contains("javascript:"), "no javascript: URL anywhere in the HTML");
        assertFalse(html.contains("data:text/html"), "no data: URL anywhere in the HTML");
        assertFalse(text(mime).contains("javascript:"), "nor offered as a link in the plain part");
    }

    @Test
    void crLfInTitlesAndTextCannotAddHeadersOrEndTheHeaderBlock() {
        ParsedMime mime = digestOf("Show" + INJECTED_HEADERS, "Episode" + INJECTED_HEADERS,
                "Subject line" + INJECTED_HEADERS, "https://cdn.example/e.mp3#t=60", null);

        String raw = new String(mailer.sent.get(0).raw(), StandardCharsets.UTF_8);
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertFalse(head.lines().anyMatch(l -> l.startsWith("Bcc:") || l.startsWith("X-Injected:")), head);
        assertFalse(mime.headers().containsKey("Bcc"));
        String subject = mime.decodedSubject();
        assertFalse(subject.contains("\r") || subject.contains("\n"), subject);
        // the text has no whole first sentence, so the subject names the show: its title stays, on one line
        assertTrue(subject.endsWith(": 1 insight from Show Bcc: victim@evil.example X-Injected: 1 <html>"),
                "the text stays, on one line: " + subject);
        assertFalse(text(mime).lines().anyMatch(l -> l.startsWith("Bcc:")), "nor a line of its own in the plain part");
    }

    @Test
    void scriptInHtmlShowNotesNeverReachesTheTranscriptText() {
        ParsedTranscript notes = ShowNotes.parse("<p>Real notes about batteries and grids, which store the sun's midday surplus for the evening.</p>" + SCRIPT
                + "<style>p{display:none}</style>" + IMG + "<iframe src=\"https://evil.example\"></iframe>"
                + "<p>More real notes follow here.</p>");

        String all = notes.segments().stream().map(Segment::text).collect(Collectors.joining(" "));
        assertFalse(all.contains("alert"), all);
        assertFalse(all.contains("<"), all);
        assertFalse(all.contains("display:none"), all);
        assertTrue(all.contains("Real notes about batteries and grids, which store the sun's midday surplus for the evening."), all);
    }

    @Test
    void scriptInAnHtmlTranscriptNeverReachesTheTranscriptText() {
        byte[] html = ("<html><head><script>var stolen = document.cookie;</script></head><body>"
                + "<p>Host: Welcome to the show about the grid.</p>" + SCRIPT + IMG
                + "<p>Guest: Storage changes everything about peak demand.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);

        ParsedTranscript t = TranscriptParsers.parse(html, "text/html");

        String all = t.segments().stream().map(Segment::text).collect(Collectors.joining(" "));
        assertFalse(all.contains("alert") || all.contains("document.cookie") || all.contains("<"), all);
        assertTrue(all.contains("Storage changes everything about peak demand."), all);
    }

    @Test
    void aMegabyteSingleLineTranscriptGivesBoundedPassages() {
        // One line, one megabyte, no sentence end: the splitter must still cut it into passages of bounded size.
        StringBuilder line = new StringBuilder();
        String[] words = {"battery", "storage", "grid", "because", "demand", "peak", "shifts", "evidence", "cost"};
        for (int i = 0; line.length() < (1 << 20); i++) line.append(words[i % words.length]).append(' ');
        ParsedTranscript parsed = TranscriptParsers.parse(line.toString().getBytes(StandardCharsets.UTF_8), "text/plain");

        List<RankedPassage> ranked = new InsightExtractor().rank(parsed.toTranscript("feed-l", "episode-l", "en"), 5);

        assertFalse(ranked.isEmpty(), "the text is still used");
        for (RankedPassage p : ranked) {
            assertTrue(p.text().length() < 2_000, "a passage stays a paragraph: " + p.text().length() + " chars");
        }
    }

    @Test
    void aMegabyteSingleCueInAVttTranscriptGivesBoundedPassages() {
        StringBuilder cue = new StringBuilder(); // about 1 MB on one line
        for (int i = 0; cue.length() < (1 << 20); i++) {
            cue.append("In region ").append(i).append(" storage matters because peak demand shifts by ").append(i % 97)
                    .append(" percent, which means the grid saves money. ");
        }
        byte[] vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Guest>" + cue + "\n").getBytes(StandardCharsets.UTF_8);

        ParsedTranscript parsed = TranscriptParsers.parse(vtt, "text/vtt");
        List<RankedPassage> ranked = new InsightExtractor().rank(parsed.toTranscript("feed-v", "episode-v", "en"), 5);

        assertFalse(ranked.isEmpty(), "the text is still used");
        for (RankedPassage p : ranked) {
            assertTrue(p.text().length() < 2_000, "a passage stays a paragraph: " + p.text().length() + " chars");
        }
    }
}
