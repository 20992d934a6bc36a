package com.podcastinsights.resilience;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.Backoff;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.cli.SampleServer;
import com.podcastinsights.cli.LocalPorts;
import com.podcastinsights.cli.LocalStages;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.function.ExtractInsightsHandler;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.function.FetchTranscriptHandler;
import com.podcastinsights.function.SendDigestHandler;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.local.Route;
import com.podcastinsights.local.TemplateRoutes;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;
import com.podcastinsights.testing.AwsEmulator;
import com.podcastinsights.testing.FaultInjectingTransport;
import software.amazon.event.ruler.Machine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four real handlers, built with their test constructors on the real AWS adapters pointed at moto (S3,
 * DynamoDB, EventBridge, SES v2), fetching the bundled sample podcasts from {@link SampleServer} on loopback with
 * the local HTTP policy (the production one refuses loopback).
 *
 * <p>Every event a stage publishes goes to moto's bus through the real {@link EventBridgePublisher} and is also
 * captured; the harness then delivers it to the stage template.yaml's rules route it to, {@code copies} times:
 * one copy at once, one right behind it, the rest after everything else has run (a late redelivery). Scheduled
 * stages are invoked {@code copies} times with the same schedule event.
 */
final class MotoPipeline {
    static final String SENDER = "digest@podcast-insights.example";
    static final List<String> SUBSCRIBERS = List.of("ada@example.com", "ben@example.com", "cy@example.com");
    static final String BUCKET = "pipeline-bucket";
    static final String TABLE = "pipeline";
    static final String BUS = "pipeline-bus";
    private static final Pattern FEED_URL = Pattern.compile("xmlUrl=\"([^\"]+)\"");
    private static final Backoff NO_WAIT = new Backoff(5, Duration.ZERO, d -> { });

    private final AwsEmulator aws;
    private final Clock clock;
    private final int copies;
    private final LocalPorts adapters;
    private final Machine rules = Machine.builder().build();
    private final Map<String, RequestStreamHandler> byFunction = new LinkedHashMap<>();
    private final List<Route> routes;
    private final Deque<String> queue = new ArrayDeque<>();
    private final List<String> late = new ArrayList<>();
    private final List<PipelineEvent> published = new ArrayList<>();
    /** An asynchronous invocation is tried this often in all (template.yaml: two retries) before OnFailure. */
    static final int LAMBDA_ATTEMPTS = 3;
    /** Handler failures (stage: message), each followed by Lambda's retry of the same event. */
    final List<String> failures = new ArrayList<>();
    /** Events whose every attempt failed: what the OnFailure destination would hold. */
    final List<String> deadLetters = new ArrayList<>();
    /** Faults injected while each function ran. */
    final Map<String, Integer> faultsBy = new java.util.TreeMap<>();
    private final FaultInjectingTransport faults;
    final List<JsonNode> summaries = new ArrayList<>();

    /** A fresh moto state (bucket, table, bus, verified sender), the sample feeds and three subscribers. */
    MotoPipeline(AwsEmulator aws, SampleServer samples, Clock clock, int copies) {
        this(aws, samples, clock, copies, null);
    }

    /** {@code faults}: the transport every adapter's client goes through (null: straight to moto). */
    MotoPipeline(AwsEmulator aws, SampleServer samples, Clock clock, int copies, FaultInjectingTransport faults) {
        this.faults = faults;
        AwsClients.Options options = faults == null ? AwsClients.Options.standard() : faults.options();
        this.aws = aws;
        this.clock = clock;
        this.copies = copies;
        aws.reset();
        aws.createBucket(BUCKET);
        aws.createTable(TABLE);
        aws.eventBridge().createEventBus(b -> b.name(BUS));
        aws.verifyEmailIdentity(SENDER);
        var table = new DynamoDbTable(AwsClients.dynamoDb(aws.region(), aws.endpoint(), aws.credentials(), options), TABLE);
        EventPublisher bus = new EventBridgePublisher(
                AwsClients.eventBridge(aws.region(), aws.endpoint(), aws.credentials(), options), BUS, NO_WAIT);
        this.adapters = new LocalPorts(
                new S3BlobStore(AwsClients.s3(aws.region(), aws.endpoint(), aws.credentials(), options), BUCKET),
                table,
                new SesMailer(AwsClients.sesV2(aws.region(), aws.endpoint(), aws.credentials(), options), null, NO_WAIT),
                events -> {
                    bus.publish(events);
                    capture(events);
                },
                new SafeHttpClient(HttpPolicy.local()), clock,
                new Settings(SENDER, ZoneId.of("UTC"), 5, 5, 2));

        String opml = new String(samples.content("/feeds.opml").orElseThrow().body(), StandardCharsets.UTF_8);
        Matcher m = FEED_URL.matcher(opml);
        FeedRepository feeds = new FeedRepository(table);
        while (m.find()) feeds.add(m.group(1), null);
        SubscriberRepository subscribers = new SubscriberRepository(table);
        SUBSCRIBERS.forEach(s -> subscribers.subscribe(s, clock.instant().toString()));

        this.routes = TemplateRoutes.load(Path.of(System.getProperty("project.root", "..")).resolve("template.yaml"));
        Map<String, Function<LocalPorts, RequestStreamHandler>> handlers = Map.of(
                FetchTranscriptHandler.class.getName(), LocalStages::fetchTranscript,
                ExtractInsightsHandler.class.getName(), LocalStages::extractInsights);
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            String cls = r.handlerClass().split("::")[0].trim();
            if (!handlers.containsKey(cls)) continue; // FetchFeeds batches, SES feedback: not part of this run
            try {
                rules.addRule(Integer.toString(i), r.patternJson());
            } catch (Exception e) {
                throw new IllegalStateException("pattern of " + r.functionName(), e);
            }
            byFunction.put(r.functionName(), handlers.get(cls).apply(adapters));
        }
    }

    void subscribeFeed(String url) {
        new FeedRepository(adapters.table()).add(url, null);
    }

    LocalPorts adapters() {
        return adapters;
    }

    /** The whole day: FetchFeeds, every event to its stage until none is left, then SendDigest. */
    void runDay() {
        String fetch = scheduleEvent("fetch-feeds");
        for (int i = 0; i < copies; i++) invoke("FetchFeeds", LocalStages.fetchFeeds(adapters), fetch);
        drain();
        sendDigest();
    }

    void sendDigest() {
        String digest = scheduleEvent("send-digest");
        // one signing key for every run, so that two runs' emails are byte-comparable
        SendDigestHandler sendDigest = LocalStages.sendDigest(adapters, new UnsubscribeLinks(
                "https://unsubscribe.example/", new UnsubscribeToken(new byte[32])));
        for (int i = 0; i < copies; i++) invoke("SendDigest", sendDigest, digest);
    }

    /** Delivers every queued event, then the late copies, until nothing is left. */
    void drain() {
        while (!queue.isEmpty() || !late.isEmpty()) {
            while (!queue.isEmpty()) deliver(queue.pollFirst());
            List<String> now = new ArrayList<>(late);
            late.clear();
            now.forEach(this::deliver);
        }
    }

    List<PipelineEvent> published() {
        return List.copyOf(published);
    }

    private void capture(List<PipelineEvent> events) {
        String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        for (PipelineEvent e : events) {
            published.add(e);
            // one envelope, delivered several times: what at-least-once delivery does to an event
            String envelope = EventEnvelope.envelope(e, UUID.randomUUID().toString(), time, "000000000000",
                    aws.region().id()).toString();
            for (int i = 0; i < copies; i++) {
                if (i < 2) queue.addLast(envelope);
                else late.add(envelope);
            }
        }
    }

    private void deliver(String envelope) {
        List<String> matched;
        try {
            matched = rules.rulesForJSONEvent(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("cannot match " + envelope, e);
        }
        for (String rule : matched) {
            String function = routes.get(Integer.parseInt(rule)).functionName();
            invoke(function.replaceFirst("Function$", ""), byFunction.get(function), envelope);
        }
    }

    /**
     * As Lambda invokes asynchronously: event in, JSON out; a handler that throws is invoked again with the same
     * event, up to {@link #LAMBDA_ATTEMPTS} in all, and then the event is dead-lettered.
     */
    JsonNode invoke(String function, RequestStreamHandler handler, String event) {
        for (int attempt = 1; attempt <= LAMBDA_ATTEMPTS; attempt++) {
            int before = faults == null ? 0 : faults.injectedTotal();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
                JsonNode summary = Json.MAPPER.readTree(out.toByteArray());
                summaries.add(Json.MAPPER.createObjectNode().put("function", function).set("summary", summary));
                return summary;
            } catch (IOException | RuntimeException e) {
                failures.add(function + " (attempt " + attempt + "): " + e.getMessage());
            } finally {
                if (faults != null) faultsBy.merge(function, faults.injectedTotal() - before, Integer::sum);
            }
        }
        deadLetters.add(function + ": " + event);
        deadLettered.add(new DeadLetter(function, handler, event));
        return null;
    }

    private record DeadLetter(String function, RequestStreamHandler handler, String event) {
    }

    private final List<DeadLetter> deadLettered = new ArrayList<>();

    /** What an operator does once the cause is fixed: sends the failure destination's events again. */
    void redriveDeadLetters() {
        List<DeadLetter> letters = List.copyOf(deadLettered);
        deadLettered.clear();
        deadLetters.clear();
        letters.forEach(l -> invoke(l.function(), l.handler(), l.event()));
        drain();
    }

    String scheduleEvent(String stage) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.nameUUIDFromBytes(stage.getBytes(StandardCharsets.UTF_8))
                + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\",\"account\":\"000000000000\","
                + "\"time\":\"" + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":{\"stage\":\"" + stage + "\"}}";
    }

    PipelineState state() {
        return PipelineState.read(aws, TABLE, BUCKET);
    }
}
