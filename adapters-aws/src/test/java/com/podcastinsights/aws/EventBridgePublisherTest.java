package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.json.Json;
import com.podcastinsights.port.PipelineEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventBridgePublisherTest {
    /**
     * PutEvents on the wire, in memory: fails the entries {@code failing} selects (a retryable internal failure)
     * and accepts the rest, or refuses the whole call while {@code callErrors} holds a status and error code.
     */
    static final class FlakyBus implements SdkHttpClient {
        final List<List<JsonNode>> calls = new ArrayList<>();
        final List<String> targets = new ArrayList<>();
        final List<java.net.URI> uris = new ArrayList<>();
        final List<String> invocations = new ArrayList<>();
        final Set<String> accepted = new HashSet<>();
        final List<Object[]> callErrors = new ArrayList<>();
        Predicate<JsonNode> failing = e -> false;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    JsonNode body;
                    try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
                        body = Json.MAPPER.readTree(in);
                    }
                    targets.add(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(null));
                    uris.add(request.httpRequest().getUri());
                    invocations.add(request.httpRequest().firstMatchingHeader("amz-sdk-invocation-id").orElse(null));
                    List<JsonNode> entries = new ArrayList<>();
                    body.path("Entries").forEach(entries::add);
                    calls.add(entries);
                    if (!callErrors.isEmpty()) {
                        Object[] error = callErrors.remove(0);
                        return reply((int) error[0], "{\"__type\":\"" + error[1] + "\",\"message\":\"no\"}");
                    }
                    ObjectNode reply = Json.MAPPER.createObjectNode();
                    int failed = 0;
                    for (JsonNode e : entries) {
                        if (failing.test(e)) {
                            failed++;
                            reply.withArray("Entries").addObject().put("ErrorCode", "InternalFailure")
                                    .put("ErrorMessage", "try again");
                        } else {
                            accepted.add(e.path("Detail").asText());
                            reply.withArray("Entries").addObject().put("EventId", "id-" + e.path("Detail").asText());
                        }
                    }
                    reply.put("FailedEntryCount", failed);
                    return reply(200, reply.toString());
                }

                @Override
                public void abort() {
                }
            };
        }

        private static HttpExecuteResponse reply(int status, String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(status)
                            .putHeader("Content-Type", "application/x-amz-json-1.1").build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
        }

        EventBridgeJsonClient client() {
            return new EventBridgeJsonClient(this, Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), null);
        }

        @Override
        public String clientName() {
            return "flaky-bus";
        }

        @Override
        public void close() {
        }
    }

    private static List<PipelineEvent> events(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new PipelineEvent("podcast-insights", "Episode Discovered", "{\"i\":" + i + "}"))
                .toList();
    }

    private static List<String> details(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("Detail").asText()).toList();
    }

    @Test
    void putsInBatchesOfTenOnTheBus() {
        var bus = new FlakyBus();

        new EventBridgePublisher(bus.client(), "the-bus", new RecordingSleeper().backoff(3)).publish(events(25));

        assertEquals(List.of(10, 10, 5), bus.calls.stream().map(List::size).toList());
        assertEquals(25, bus.accepted.size());
        assertTrue(bus.calls.stream().flatMap(List::stream).allMatch(e -> e.path("EventBusName").asText().equals("the-bus")
                && e.path("Source").asText().equals("podcast-insights")
                && e.path("DetailType").asText().equals("Episode Discovered")), bus.calls.toString());
        assertTrue(bus.targets.stream().allMatch("AWSEvents.PutEvents"::equals), bus.targets.toString());
    }

    @Test
    void retriesOnlyTheFailedEntries() {
        var bus = new FlakyBus();
        Set<String> failedOnce = new HashSet<>();
        bus.failing = e -> (e.path("Detail").asText().equals("{\"i\":3}") || e.path("Detail").asText().equals("{\"i\":7}"))
                && failedOnce.add(e.path("Detail").asText());
        var sleeper = new RecordingSleeper();

        new EventBridgePublisher(bus.client(), "the-bus", sleeper.backoff(3)).publish(events(10));

        assertEquals(2, bus.calls.size());
        assertEquals(List.of("{\"i\":3}", "{\"i\":7}"), details(bus.calls.get(1)));
        assertEquals(10, bus.accepted.size());
        assertEquals(1, sleeper.pauses.size());
        assertEquals(bus.invocations.get(0), bus.invocations.get(1), "a retry is the same invocation");
    }

    @Test
    void throwsWhenEntriesKeepFailing() {
        var bus = new FlakyBus();
        bus.failing = e -> e.path("Detail").asText().equals("{\"i\":1}");
        var sleeper = new RecordingSleeper();

        var e = assertThrows(IllegalStateException.class,
                () -> new EventBridgePublisher(bus.client(), "the-bus", sleeper.backoff(4)).publish(events(3)));

        assertEquals(4, bus.calls.size());
        assertTrue(e.getMessage().contains("1 event(s) not accepted by bus the-bus"), e.getMessage());
        assertTrue(e.getMessage().contains("InternalFailure"), e.getMessage());
        assertEquals(3, sleeper.pauses.size());
    }

    @Test
    void retriesAThrottledOrFailedCallWithTheBackoff() {
        var bus = new FlakyBus();
        bus.callErrors.add(new Object[]{400, "ThrottlingException"});
        bus.callErrors.add(new Object[]{500, "InternalException"});
        var sleeper = new RecordingSleeper();

        new EventBridgePublisher(bus.client(), "the-bus", sleeper.backoff(3)).publish(events(4));

        assertEquals(3, bus.calls.size());
        assertEquals(details(bus.calls.get(0)), details(bus.calls.get(2)));
        assertEquals(4, bus.accepted.size());
        assertEquals(2, sleeper.pauses.size());
    }

    @Test
    void throwsTheServiceErrorWhenThrottlingOutlastsTheBackoff() {
        var bus = new FlakyBus();
        for (int i = 0; i < 3; i++) bus.callErrors.add(new Object[]{400, "ThrottlingException"});

        var e = assertThrows(AwsServiceError.class,
                () -> new EventBridgePublisher(bus.client(), "the-bus", new RecordingSleeper().backoff(3)).publish(events(1)));

        assertEquals(3, bus.calls.size());
        assertEquals("ThrottlingException", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void doesNotRetryAnErrorThatIsNotThrottling() {
        var bus = new FlakyBus();
        bus.callErrors.add(new Object[]{400, "com.amazonaws.events#ResourceNotFoundException"});

        var e = assertThrows(AwsServiceError.class,
                () -> new EventBridgePublisher(bus.client(), "the-bus", new RecordingSleeper().backoff(3)).publish(events(1)));

        assertEquals(1, bus.calls.size());
        assertEquals("ResourceNotFoundException", e.code());
        assertTrue(e.getMessage().contains("400"), e.getMessage());
    }

    @Test
    void postsToTheEndpointConfiguredForTheSdksClients() {
        // local runs and bench/coldstart point every client at moto this way; the SDK's clients read it, so ours must
        FlakyBus bus = new FlakyBus();
        String saved = System.getProperty("aws.endpointUrlEventBridge");
        System.setProperty("aws.endpointUrlEventBridge", "http://127.0.0.1:4566");
        try {
            new EventBridgePublisher(bus.client(), "bus").publish(events(1));
        } finally {
            if (saved == null) System.clearProperty("aws.endpointUrlEventBridge");
            else System.setProperty("aws.endpointUrlEventBridge", saved);
        }
        assertEquals("127.0.0.1:4566", bus.uris.get(0).getAuthority());

        new EventBridgePublisher(bus.client(), "bus").publish(events(1));
        assertEquals("events.us-east-1.amazonaws.com", bus.uris.get(1).getHost());
    }
}
