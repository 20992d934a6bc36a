package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
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

import static org.junit.jupiter.api.Assertions.*;

class SendDigestHandlerTest {
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Settings settings = new Settings("Podcast Insights <digest@podcast-insights.example>", ZoneId.of("UTC"), 5, 5, 2);
    private final SendDigestHandler handler = new SendDigestHandler(com.podcastinsights.stage.SendDigestStage.build(com.podcastinsights.stage.SendDigestStage.Config.local(settings), table,
                mailer, Clock.fixed(Instant.parse("2026-11-30T07:00:02Z"), ZoneOffset.UTC), com.podcastinsights.digest.UnsubscribeLinks.local()), Clock.fixed(Instant.parse("2026-11-30T07:00:02Z"), ZoneOffset.UTC));

    private static byte[] sampleEvent() throws Exception {
        Path root = Path.of(System.getProperty("project.root", "../.."));
        return Files.readAllBytes(root.resolve("events/send-digest-schedule.json"));
    }

    private JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void sendsTheDaysDigestOnceEvenWhenTheEventIsReplayed() throws Exception {
        DigestFixtures.seedDay(table, "2026-11-30");
        new SubscriberRepository(table).subscribe("reader@example.com", "2026-11-01T00:00:00Z");

        JsonNode first = invoke(sampleEvent());
        assertEquals("2026-11-30", first.get("day").asText());
        assertEquals(1, first.get("sent").asInt());
        assertEquals(5, first.get("insights").asInt());

        JsonNode replay = invoke(sampleEvent());
        assertEquals(0, replay.get("sent").asInt());
        assertEquals(1, replay.get("skipped").asInt());
        assertEquals(1, mailer.sent.size());

        ParsedMime mime = ParsedMime.parse(mailer.sent.get(0).raw());
        assertEquals("Podcast Insights <digest@podcast-insights.example>", mime.headers().get("From"));
        assertTrue(mime.headers().get("List-Unsubscribe").matches(
                "<https://unsubscribe\\.invalid/\\?token=v2\\.[^>]+>"),
                mime.headers().get("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", mime.headers().get("List-Unsubscribe-Post"));
        assertEquals(2, mime.parts().size());
    }

    @Test
    void aDayWithoutInsightsSendsNothing() throws Exception {
        new SubscriberRepository(table).subscribe("reader@example.com", "2026-11-01T00:00:00Z");
        JsonNode summary = invoke(sampleEvent());
        assertEquals(0, summary.get("sent").asInt());
        assertTrue(summary.get("note").asText().contains("no insights"));
        assertTrue(mailer.sent.isEmpty());
    }

    @Test
    void anEventWithoutATimeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> invoke("{\"detail-type\":\"Scheduled Event\",\"detail\":{}}"
                .getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> invoke("{\"time\":\"yesterday\",\"detail\":{}}"
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(mailer.sent.isEmpty());
    }

    @Test
    void aMissingVariableIsNamedBeforeAnyClientIsBuilt() {
        var planner = assertThrows(IllegalStateException.class,
                () -> SendDigestLambda.wire(new com.podcastinsights.config.Env(java.util.Map.of("TABLE_NAME", "t", "DIGEST_TIME_ZONE", "UTC"))));
        assertTrue(planner.getMessage().contains("DIGEST_QUEUE_URL"), planner.getMessage());
    }

    @Test
    void eachRunWritesTheEmailMetricsAndAReplayCountsSkippedNotSent() throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>();
        handler.metricsTo(lines::add, "prod");
        DigestFixtures.seedDay(table, "2026-11-30");
        new SubscriberRepository(table).subscribe("reader@example.com", "2026-11-01T00:00:00Z");

        invoke(sampleEvent());
        invoke(sampleEvent());

        assertEquals(2, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        JsonNode replay = Json.MAPPER.readTree(lines.get(1));
        assertEquals("send-digest", first.get("Stage").asText());
        assertEquals(1, first.get("EmailsSent").asInt());
        assertEquals(0, first.get("EmailsFailed").asInt());
        assertEquals(0, replay.get("EmailsSent").asInt());
        assertEquals(1, replay.get("EmailsSkipped").asInt());
    }

    @Test
    void primingBeforeSnapshotSendsNothingAndWritesNothing() throws Exception {
        SendDigestLambda.prime();

        assertTrue(mailer.sent.isEmpty());
        assertEquals(0, table.writes());
    }

    @Test
    void primingRunsTheWholePlanOnItsOwnTable() {
        // a plan that found no reader or no insights would leave the selection and batch code cold
        var plan = SendDigestLambda.primePlanner();
        assertEquals(1, plan.due());
        assertEquals(1, plan.batches().size());
        assertEquals(java.util.List.of("reader@priming.invalid"), plan.batches().get(0).readers());
        assertEquals(0, plan.withoutInsights());
    }
}
