package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestBatch;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import com.podcastinsights.json.Json;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.stage.SendDigestStage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigestBatchHandlerTest {
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Settings settings = new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:00:02Z"), ZoneOffset.UTC);
    private final DigestBatchHandler handler = new DigestBatchHandler(SendDigestStage.build(
            SendDigestStage.Config.local(settings), table, mailer, clock, UnsubscribeLinks.local()), clock);

    private static String record(String id, String body) {
        return "{\"messageId\":\"" + id + "\",\"receiptHandle\":\"r\",\"body\":" + Json.MAPPER.valueToTree(body)
                + ",\"eventSource\":\"aws:sqs\"}";
    }

    private List<String> invoke(String... records) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(("{\"Records\":[" + String.join(",", records) + "]}")
                .getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode failures = Json.MAPPER.readTree(out.toByteArray()).get("batchItemFailures");
        return java.util.stream.StreamSupport.stream(failures.spliterator(), false)
                .map(f -> f.get("itemIdentifier").asText()).toList();
    }

    @Test
    void reportsOnlyTheBatchesToDeliverAgainAndARedeliverySendsNoDuplicate() throws Exception {
        DigestFixtures.seedDay(table, "2026-11-30");
        SubscriberRepository subscribers = new SubscriberRepository(table);
        for (String r : List.of("ann@example.com", "bob@example.com", "cat@example.com")) {
            subscribers.subscribe(r, "2026-11-01T00:00:00Z");
        }
        String good = new DigestBatch("2026-11-30T07:00:00Z", "2026-11-30", List.of("ann@example.com", "bob@example.com")).toJson();
        String throttled = new DigestBatch("2026-11-30T07:00:00Z", "2026-11-30", List.of("cat@example.com")).toJson();
        mailer.unavailable.add("cat@example.com");

        assertEquals(List.of("m2", "m3"), invoke(record("m1", good), record("m2", throttled), record("m3", "not a batch")));
        assertEquals(2, mailer.sent.size());

        mailer.unavailable.clear();
        assertEquals(List.of(), invoke(record("m1", good), record("m2", throttled)), "the redelivery");
        assertEquals(List.of("ann@example.com", "bob@example.com", "cat@example.com"),
                mailer.sent.stream().map(OutgoingMail::to).sorted().toList(), "each exactly once");
    }

    @Test
    void aMissingVariableIsNamedBeforeAnyClientIsBuilt() {
        var e = assertThrows(IllegalStateException.class, () -> DigestSenderLambda.wire(
                new com.podcastinsights.config.Env(java.util.Map.of("TABLE_NAME", "t", "DIGEST_TIME_ZONE", "UTC"))));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("SENDER_ADDRESS"), e.getMessage());
    }

    @Test
    void primingBeforeSnapshotSendsNothingAndWritesNothing() throws Exception {
        DigestSenderLambda.prime();
        assertEquals(List.of(), mailer.sent);
        assertEquals(0, table.writes());
    }

    @Test
    void anythingButAnSqsEventIsAWiringMistake() {
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(new ByteArrayInputStream(
                "{\"detail-type\":\"Scheduled Event\"}".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null));
    }
}
