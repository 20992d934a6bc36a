package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.port.Table;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bar: the same SendDigest event delivered three times sends each subscriber exactly one email,
 * counted in what moto's SES really accepted, through the real SesMailer and DynamoDbTable.
 */
class SendDigestReplayMotoTest {
    private static final String SENDER = "digest@podcast-insights.example";
    private static final int SUBSCRIBERS = 25;

    @Test
    void replayingTheScheduleEventThreeTimesSendsEachSubscriberExactlyOneEmail() throws Exception {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        aws.createTable("replay");
        aws.verifyEmailIdentity(SENDER);
        Table table = new DynamoDbTable(aws.dynamoDb(), "replay");
        DigestFixtures.seedDay(table, "2026-11-30");
        SubscriberRepository subscribers = new SubscriberRepository(table);
        List<String> emails = IntStream.range(0, SUBSCRIBERS).mapToObj(i -> "reader" + i + "@example.com").toList();
        emails.forEach(e -> subscribers.subscribe(e, "2026-11-01T00:00:00Z"));
        Settings settings = new Settings(SENDER, ZoneId.of("UTC"), 5, 5, 2);
        SendDigestHandler handler = new SendDigestHandler(com.podcastinsights.stage.SendDigestStage.build(com.podcastinsights.stage.SendDigestStage.Config.local(settings), table,
                new SesMailer(aws.sesV2(), null), Clock.fixed(Instant.parse("2026-11-30T07:00:02Z"), ZoneOffset.UTC), new UnsubscribeLinks("https://u.lambda-url.us-east-1.on.aws/", new UnsubscribeToken(UnsubscribeToken.randomKey()))), Clock.fixed(Instant.parse("2026-11-30T07:00:02Z"), ZoneOffset.UTC));
        byte[] event = Files.readAllBytes(Path.of(System.getProperty("project.root", "../..")).resolve("events/send-digest-schedule.json"));

        int sent = 0;
        for (int run = 0; run < 3; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            JsonNode report = Json.MAPPER.readTree(out.toByteArray());
            sent += report.path("sent").asInt();
            if (run > 0) assertEquals(SUBSCRIBERS, report.path("skipped").asInt(), report.toString());
        }
        assertEquals(SUBSCRIBERS, sent);

        List<ParsedMime> mails = aws.sentRawMessages().stream()
                .map(r -> ParsedMime.parse(r.getBytes(StandardCharsets.US_ASCII))).toList();
        Map<String, Long> perRecipient = new TreeMap<>(mails.stream()
                .collect(Collectors.groupingBy(m -> m.headers().get("To"), Collectors.counting())));
        Map<String, Long> once = new TreeMap<>(emails.stream().collect(Collectors.toMap(e -> e, e -> 1L)));
        assertEquals(once, perRecipient, "exactly one email per subscriber in moto's sent mail");
        for (ParsedMime m : mails) {
            assertNotNull(m.headers().get("List-Unsubscribe"));
            assertEquals("List-Unsubscribe=One-Click", m.headers().get("List-Unsubscribe-Post"));
        }
    }
}
