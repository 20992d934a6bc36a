package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.port.Table;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * End to end against moto, with the real SES and DynamoDB adapters: a digest goes out, the reader's mail
 * provider POSTs to the one-click URL of the List-Unsubscribe header (as a Function URL event), and the next
 * day's digest reaches everyone else but not them.
 */
class UnsubscribeE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENDER = "digest@podcast-insights.example";
    private static final String ENDPOINT = "https://abcdefgh.lambda-url.us-east-1.on.aws/";
    private static final byte[] KEY = "e2e-key-e2e-key-e2e-key-e2e-key-e2e-key".getBytes(StandardCharsets.UTF_8);
    private final Settings settings = new Settings(SENDER, ZoneId.of("UTC"), 5, 5, 2);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:00:03Z"), ZoneOffset.UTC);
    private AwsEmulator aws;
    private Table table;
    private DigestSender sender;

    @BeforeEach
    void setUp() {
        aws = AwsEmulator.get();
        aws.reset();
        aws.createTable("unsubscribe-e2e");
        aws.verifyEmailIdentity(SENDER);
        table = new DynamoDbTable(aws.dynamoDb(), "unsubscribe-e2e");
        sender = new DigestSender(table, new SesMailer(aws.sesV2(), null), clock, settings,
                new UnsubscribeLinks(ENDPOINT, new UnsubscribeToken(KEY)));
        SubscriberRepository subscribers = new SubscriberRepository(table);
        subscribers.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        subscribers.subscribe("bob@example.com", "2026-11-01T00:00:00Z");
    }

    private List<ParsedMime> sentTo(String email) {
        return aws.sentRawMessages().stream().map(r -> ParsedMime.parse(r.getBytes(StandardCharsets.US_ASCII)))
                .filter(m -> email.equals(m.headers().get("To"))).toList();
    }

    private JsonNode invoke(String method, URI url) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("rawPath", url.getRawPath());
        event.put("rawQueryString", url.getRawQuery());
        ObjectNode query = event.putObject("queryStringParameters");
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        event.putObject("headers").put("content-type", "application/x-www-form-urlencoded");
        event.putObject("requestContext").putObject("http").put("method", method);
        event.put("body", "List-Unsubscribe=One-Click");
        event.put("isBase64Encoded", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReaderWebHandlers.on(table, com.podcastinsights.digest.UnsubscribeKeys.single(KEY), clock, mail -> "unused").handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void oneClickPostFromTheHeaderUnsubscribesAndTheNextDigestSkipsTheReader() throws Exception {
        DigestFixtures.seedDay(table, "2026-11-30");
        assertEquals(2, sender.send(Instant.parse("2026-11-30T07:00:00Z")).sent());
        ParsedMime first = sentTo("ann@example.com").get(0);
        assertEquals("List-Unsubscribe=One-Click", first.headers().get("List-Unsubscribe-Post"));
        Matcher https = Pattern.compile("<(https://[^>]+)>").matcher(first.headers().get("List-Unsubscribe"));
        assertTrue(https.find(), first.headers().get("List-Unsubscribe"));
        URI oneClick = URI.create(https.group(1));
        assertTrue(oneClick.toString().startsWith(ENDPOINT));

        // a forged link (bob's token re-pointed at ann's address by hand) is refused and changes nothing
        String annToken = URLDecoder.decode(oneClick.getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
        String[] parts = annToken.split("\\.");
        String bobPart = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("bob@example.com".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, invoke("POST", URI.create(ENDPOINT + "?token=" + parts[0] + "." + bobPart + "." + parts[2])).path("statusCode").asInt());

        JsonNode page = invoke("GET", oneClick);
        assertEquals(200, page.path("statusCode").asInt());
        assertTrue(page.path("body").asText().contains("<button"));
        JsonNode done = invoke("POST", oneClick);
        assertEquals(200, done.path("statusCode").asInt(), done.toString());

        DigestFixtures.seedDay(table, "2026-12-01");
        DigestReport next = sender.send(Instant.parse("2026-12-01T07:00:00Z"));
        assertEquals(1, next.sent(), next.toString());
        assertEquals(1, sentTo("ann@example.com").size(), "no mail after unsubscribing");
        assertEquals(2, sentTo("bob@example.com").size(), "bob still gets both days");
    }
}
