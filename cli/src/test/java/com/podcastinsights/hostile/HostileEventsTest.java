package com.podcastinsights.hostile;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.cli.LocalPorts;
import com.podcastinsights.cli.LocalStages;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.function.ExtractInsightsHandler;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.function.FetchTranscriptHandler;
import com.podcastinsights.function.MailFeedbackHandler;
import com.podcastinsights.function.SendDigestHandler;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, unknown and misrouted events. Every asynchronous handler must throw with a message naming what
 * was wrong, never return quietly: a thrown invocation is retried by Lambda and then sent to the function's
 * OnFailure destination, where an operator sees it, while a quiet return would drop the event for good. And
 * nothing may happen on the way: no fetch, no write, no event, no mail.
 */
class HostileEventsTest {
    private static final String ENVELOPE = """
            {"version":"0","id":"e-1","detail-type":"%s","source":"%s","account":"123456789012",
             "time":"%s","region":"us-east-1","resources":[],"detail":%s}""";

    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final RecordingMailer mailer = new RecordingMailer();
    private final LoopbackServer server = new LoopbackServer();
    private int writesBefore;

    @BeforeEach
    void seed() {
        // something each stage could act on, so that "did nothing" is a real check
        server.content("/feed.xml", "application/rss+xml", HostileFeedBatch.HONEST_FEED.getBytes(StandardCharsets.UTF_8));
        new FeedRepository(table).add(server.uri("/feed.xml").toString(), null);
        new SubscriberRepository(table).subscribe("reader@example.com", "2026-11-01T00:00:00Z");
        writesBefore = table.writes();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String event(String detailType, String source, String time, String detail) {
        return ENVELOPE.formatted(detailType, source, time, detail);
    }

    private static final String EPISODE_DETAIL = "{\"feedId\":\"f1\",\"episodeId\":\"e1\",\"podcastTitle\":\"P\","
            + "\"episodeTitle\":\"E\",\"publishedAt\":\"2026-11-29T09:00:00Z\"}";

    static Stream<Arguments> hostileEvents() {
        String t = "2026-11-30T07:00:00Z";
        return Stream.of(
                Arguments.of("FetchFeeds", "an Episode Discovered sent to FetchFeeds",
                        event("Episode Discovered", "podcast-insights", t, EPISODE_DETAIL),
                        "FetchFeeds takes a Scheduled Event"),
                Arguments.of("FetchFeeds", "a Scheduled Event from a foreign source",
                        event("Scheduled Event", "evil.source", t, "{}"), "got \"Scheduled Event\" from \"evil.source\""),
                Arguments.of("FetchFeeds", "a Feed Batch Requested without feedIds",
                        event("Feed Batch Requested", "podcast-insights", t, "{\"scheduledTime\":\"" + t + "\"}"),
                        "lacks detail.feedIds"),
                Arguments.of("FetchFeeds", "an empty payload", "", "event is not a JSON object"),
                Arguments.of("FetchFeeds", "a JSON array", "[1,2]", "event is not a JSON object"),
                Arguments.of("FetchTranscript", "an Episode Discovered without episodeId",
                        event("Episode Discovered", "podcast-insights", t, "{\"feedId\":\"f1\"}"),
                        "Episode Discovered event lacks detail.episodeId"),
                Arguments.of("FetchTranscript", "an Episode Discovered whose detail is a string",
                        event("Episode Discovered", "podcast-insights", t, "\"<script>\""),
                        "lacks detail.feedId"),
                Arguments.of("FetchTranscript", "an event of an unknown type",
                        event("Episode Deleted", "podcast-insights", t, EPISODE_DETAIL),
                        "FetchTranscript takes an Episode Discovered, got \"Episode Deleted\""),
                Arguments.of("ExtractInsights", "a Transcript Stored without transcriptKey",
                        event("Transcript Stored", "podcast-insights", t, "{\"feedId\":\"f1\",\"episodeId\":\"e1\"}"),
                        "lacks detail.transcriptKey"),
                Arguments.of("ExtractInsights", "an Episode Discovered sent to ExtractInsights",
                        event("Episode Discovered", "podcast-insights", t, EPISODE_DETAIL),
                        "ExtractInsights takes a Transcript Stored, got \"Episode Discovered\""),
                Arguments.of("SendDigest", "an Episode Discovered sent to SendDigest",
                        event("Episode Discovered", "podcast-insights", t, EPISODE_DETAIL),
                        "SendDigest takes a Scheduled Event"),
                Arguments.of("SendDigest", "a Scheduled Event whose time is not a time",
                        event("Scheduled Event", "aws.scheduler", "yesterday", "{}"),
                        "schedule event time is not an ISO instant: yesterday"),
                Arguments.of("MailFeedback", "an SES event of an unknown type",
                        event("Email Delivered", "aws.ses", t, "{\"mail\":{}}"),
                        "not a bounce or complaint event: Email Delivered"),
                Arguments.of("MailFeedback", "an empty payload", "", "not a bounce or complaint event"));
    }

    private RequestStreamHandler handler(String name) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:00:03Z"), ZoneOffset.UTC);
        LocalPorts adapters = new LocalPorts(blobs, table, mailer, events, new SafeHttpClient(HttpPolicy.local()), clock,
                Settings.defaults());
        return switch (name) {
            case "FetchFeeds" -> LocalStages.fetchFeeds(adapters);
            case "FetchTranscript" -> LocalStages.fetchTranscript(adapters);
            case "ExtractInsights" -> LocalStages.extractInsights(adapters);
            case "SendDigest" -> LocalStages.sendDigest(adapters);
            case "MailFeedback" -> LocalStages.mailFeedback(adapters, "podcast-insights-digest");
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileEvents")
    void aBadEventThrowsWithItsReasonAndChangesNothing(String function, String what, String json, String reason) {
        RequestStreamHandler h = handler(function);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Exception e = assertThrows(Exception.class, () ->
                h.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null));

        assertTrue(String.valueOf(e.getMessage()).contains(reason), what + " -> " + e);
        assertEquals(0, out.size(), "no result written");
        assertEquals(0, server.requests().size(), "no feed fetched");
        assertEquals(writesBefore, table.writes(), "no table write");
        assertTrue(blobs.list("").isEmpty(), "no object stored");
        assertTrue(events.published().isEmpty(), "no event published");
        assertTrue(mailer.sent.isEmpty(), "no mail sent");
    }
}
