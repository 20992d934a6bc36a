package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.Consent;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.ReaderFeedback;
import com.podcastinsights.digest.ReaderLinks;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.port.Table;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The reader web's handler as Lambda runs it, on the real DynamoDB and SES adapters against moto: sign-up sends
 * one confirmation through SES, the confirming POST subscribes with a consent record, the form's rate limit holds
 * across calls (conditional counters in DynamoDB), a feedback POST records a vote, and the archive reads editions
 * through the index.
 */
class ReaderWebMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENDER = "digest@podcast-insights.example";
    private static final String HOST = "abcdefgh.lambda-url.us-east-1.on.aws";
    private static final UnsubscribeKeys KEYS = UnsubscribeKeys.single(
            "reader-web-moto-key-reader-web-moto-key-0123".getBytes(StandardCharsets.UTF_8));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:00:03Z"), ZoneOffset.UTC);
    private AwsEmulator aws;
    private Table table;
    private ReaderWebHandler handler;

    @BeforeEach
    void setUp() {
        aws = AwsEmulator.get();
        aws.reset();
        aws.createTable("reader-web");
        aws.verifyEmailIdentity(SENDER);
        table = new DynamoDbTable(aws.dynamoDb(), "reader-web");
        handler = ReaderWebHandlers.on(table, KEYS, clock, new SesMailer(aws.sesV2(), null));
    }

    private JsonNode invoke(String method, String pathAndQuery, String form, String ip) throws Exception {
        URI u = URI.create("https://" + HOST + pathAndQuery);
        ObjectNode e = JSON.createObjectNode().put("version", "2.0").put("rawPath", u.getRawPath())
                .put("rawQueryString", u.getRawQuery() == null ? "" : u.getRawQuery());
        ObjectNode headers = e.putObject("headers").put("x-forwarded-proto", "https").put("host", HOST);
        if (form != null) headers.put("content-type", "application/x-www-form-urlencoded").put("origin", "https://" + HOST);
        ObjectNode ctx = e.putObject("requestContext").put("domainName", HOST);
        ctx.putObject("http").put("method", method).put("sourceIp", ip);
        e.put("body", form == null ? "" : form).put("isBase64Encoded", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(e)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String signUp(String email, String ip) throws Exception {
        String formToken = new WebToken(() -> KEYS).issue(WebToken.Purpose.FORM, clock.instant().plusSeconds(600));
        return invoke("POST", "/subscribe", "form-token=" + enc(formToken) + "&email=" + enc(email)
                + "&time-zone=Asia%2FTokyo&send-hour=7&topic=sleep", ip).path("body").asText();
    }

    private List<String> sentTo(String email) {
        return aws.sentRawMessages().stream().map(r -> ParsedMime.parse(r.getBytes(StandardCharsets.US_ASCII)))
                .filter(m -> email.equals(m.headers().get("To")))
                .map(m -> String.join("\n", m.parts().stream().map(ParsedMime.Part::body).toList())).toList();
    }

    @Test
    void signUpMailsOneConfirmationThroughSesAndOnlyTheConfirmingPostSubscribesWithConsent() throws Exception {
        String page = signUp("ann@example.com", "198.51.100.7");
        assertTrue(page.contains("Check your inbox"), page);
        assertEquals(page, signUp("ann@example.com", "198.51.100.7"), "the same page again");
        List<String> mails = sentTo("ann@example.com");
        assertEquals(1, mails.size(), "one confirmation an hour");
        Matcher link = Pattern.compile("https://" + Pattern.quote(HOST) + "(/confirm\\?token=[A-Za-z0-9._%-]+)").matcher(mails.get(0));
        assertTrue(link.find(), mails.get(0));

        JsonNode shown = invoke("GET", link.group(1), null, "198.51.100.7");
        assertEquals(200, shown.path("statusCode").asInt());
        assertEquals("DENY", shown.path("headers").path("x-frame-options").asText());
        assertTrue(new SubscriberRepository(table).find("ann@example.com").isEmpty(), "a GET subscribes nobody");
        String token = java.net.URLDecoder.decode(link.group(1).substring("/confirm?token=".length()), StandardCharsets.UTF_8);
        JsonNode done = invoke("POST", "/confirm", "token=" + enc(token), "198.51.100.7");
        assertEquals(200, done.path("statusCode").asInt(), done.toString());
        var reader = new SubscriberRepository(table).find("ann@example.com").orElseThrow();
        assertTrue(reader.active());
        assertEquals("Asia/Tokyo", reader.timeZone());
        assertEquals(List.of("sleep"), reader.topics());
        Consent consent = Consent.of(table, "ann@example.com").orElseThrow();
        assertEquals(Consent.DOUBLE_OPT_IN, consent.method());
        assertEquals("2026-11-30T07:00:03Z", consent.at());
    }

    @Test
    void theSignUpFormIsRateLimitedPerSourceAcrossCalls() throws Exception {
        int ok = 0, limited = 0;
        for (int n = 0; n < 32; n++) {
            String page = signUp("reader" + n + "@example.com", "203.0.113.9");
            if (page.contains("Check your inbox")) ok++;
            else if (page.contains("Too many requests")) limited++;
        }
        assertEquals(30, ok, "the source's cap per hour");
        assertEquals(2, limited);
        assertTrue(signUp("other@example.com", "203.0.113.10").contains("Check your inbox"), "another source is not limited");
    }

    @Test
    void aFeedbackPostRecordsAVoteAndTheArchiveShowsTheEdition() throws Exception {
        // the fixtures' best insights are episode a's, of feed "feed-a"
        new FeedRepository(table).save(new com.podcastinsights.feed.Feed("feed-a", "https://feeds.example/a.xml", "Podcast a",
                null, null, null, 0, null));
        DigestFixtures.seedDay(table, "2026-11-30");
        new SubscriberRepository(table).subscribe("bob@example.com", "2026-11-01T00:00:00Z");
        DigestSender sender = new DigestSender(table, new SesMailer(aws.sesV2(), null), clock, Settings.defaults(),
                new UnsubscribeLinks("https://" + HOST + "/", new UnsubscribeToken(KEYS)));
        assertEquals(1, sender.send(clock.instant()).sent());
        String mail = sentTo("bob@example.com").get(0).replace("&amp;", "&");
        assertTrue(mail.contains("https://" + HOST + "/archive/2026-11-30"), "view in browser");
        Matcher useful = Pattern.compile("https://" + Pattern.quote(HOST) + "/feedback\\?token=([A-Za-z0-9._%-]+)").matcher(mail);
        assertTrue(useful.find(), mail);
        String token = java.net.URLDecoder.decode(useful.group(1), StandardCharsets.UTF_8);

        assertEquals(200, invoke("GET", "/feedback?token=" + enc(token), null, "192.0.2.1").path("statusCode").asInt());
        assertEquals(0, new ReaderFeedback(table).totals().get(0).useful(), "a GET records nothing");
        assertEquals(200, invoke("POST", "/feedback", "token=" + enc(token), "192.0.2.1").path("statusCode").asInt());
        assertEquals(200, invoke("POST", "/feedback", "token=" + enc(token), "192.0.2.1").path("statusCode").asInt());
        assertEquals(1, new ReaderFeedback(table).totals().get(0).useful(), "one vote per reader and insight");

        JsonNode archive = invoke("GET", "/archive", null, "192.0.2.1");
        assertTrue(archive.path("body").asText().contains("/archive/2026-11-30"), archive.toString());
        JsonNode day = invoke("GET", "/archive/2026-11-30", null, "192.0.2.1");
        assertEquals(5, day.path("body").asText().split("class=\"card insight\"", -1).length - 1, day.toString());
        JsonNode atom = invoke("GET", "/archive.atom", null, "192.0.2.1");
        assertTrue(atom.path("headers").path("content-type").asText().startsWith("application/atom+xml"));
    }
}
