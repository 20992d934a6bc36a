package com.podcastinsights.function;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.fakes.InMemoryTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

class MailFeedbackHandlerTest {
    private final InMemoryTable table = new InMemoryTable();
    private final SubscriberRepository subscribers = new SubscriberRepository(table);
    /** The configuration set of events/ses-bounce.json: the stack "podcast-insights"'s. */
    static final String CONFIGURATION_SET = "podcast-insights-digest";
    private final MailFeedbackHandler handler = new MailFeedbackHandler(com.podcastinsights.stage.MailFeedbackStage.build(new com.podcastinsights.stage.MailFeedbackStage.Config(CONFIGURATION_SET), table), Clock.fixed(Instant.parse("2026-11-30T07:01:00Z"), ZoneOffset.UTC));

    private String bounceSample() throws Exception {
        return Files.readString(Path.of(System.getProperty("project.root", "../..")).resolve("events/ses-bounce.json"));
    }

    private JsonNode invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void aHardBounceSuppressesTheSubscriberAndARedeliveryChangesNothing() throws Exception {
        subscribers.subscribe("gone@example.com", "2026-11-01T00:00:00Z");
        subscribers.subscribe("stays@example.com", "2026-11-01T00:00:00Z");
        assertEquals(1, invoke(bounceSample()).path("suppressed").asInt());
        assertFalse(subscribers.find("gone@example.com").orElseThrow().active());
        assertEquals(1, subscribers.active().size());
        invoke(bounceSample());
        assertFalse(subscribers.find("gone@example.com").orElseThrow().active());
    }

    @Test
    void feedbackOnAnotherConfigurationSetSuppressesNobody() throws Exception {
        subscribers.subscribe("gone@example.com", "2026-11-01T00:00:00Z");
        // the same address, bounced by another application of the account, or sent without a configuration set
        String foreign = bounceSample().replace("[\"podcast-insights-digest\"]", "[\"newsletter-app\"]");
        String untagged = bounceSample().replace("\"tags\": {\"ses:configuration-set\": [\"podcast-insights-digest\"]}",
                "\"tags\": {}");
        for (String event : new String[]{foreign, untagged}) {
            assertEquals(0, invoke(event).path("suppressed").asInt());
            assertTrue(subscribers.find("gone@example.com").orElseThrow().active());
        }
    }

    @Test
    void aSoftBounceLeavesTheSubscriberAlone() throws Exception {
        subscribers.subscribe("gone@example.com", "2026-11-01T00:00:00Z");
        assertEquals(0, invoke(bounceSample().replace("\"Permanent\"", "\"Transient\"")).path("suppressed").asInt());
        assertTrue(subscribers.find("gone@example.com").orElseThrow().active());
    }

    @Test
    void aComplaintSuppressesAndUnknownAddressesAreNotAdded() throws Exception {
        subscribers.subscribe("annoyed@example.com", "2026-11-01T00:00:00Z");
        String complaint = """
                {"version":"0","id":"c1","detail-type":"Email Complaint Received","source":"aws.ses","account":"123456789012",
                 "time":"2026-11-30T09:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"eventType":"Complaint","complaint":{"complainedRecipients":[
                   {"emailAddress":"Annoyed Reader <ANNOYED@example.com>"},{"emailAddress":"stranger@example.com"}],
                   "complaintFeedbackType":"abuse"},"mail":{"destination":["annoyed@example.com"],
                   "tags":{"ses:configuration-set":["podcast-insights-digest"]}}}}""";
        assertEquals(1, invoke(complaint).path("suppressed").asInt());
        assertFalse(subscribers.find("annoyed@example.com").orElseThrow().active());
        assertTrue(subscribers.find("stranger@example.com").isEmpty());
    }

    @Test
    void aSuppressionIsCountedByFeedbackKind() throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>();
        handler.metricsTo(lines::add, "prod");
        subscribers.subscribe("gone@example.com", "2026-11-01T00:00:00Z");

        invoke(bounceSample());

        assertEquals(1, lines.size());
        JsonNode line = Json.MAPPER.readTree(lines.get(0));
        assertEquals("mail-feedback", line.get("Stage").asText());
        assertEquals("Bounce", line.get("Feedback").asText());
        assertEquals(1, line.get("EmailsSuppressed").asInt());
    }

    @Test
    void primingBeforeSnapshotTouchesNoAdapter() throws Exception {
        MailFeedbackLambda.prime();

        assertEquals(0, table.writeRequests());
    }
}
