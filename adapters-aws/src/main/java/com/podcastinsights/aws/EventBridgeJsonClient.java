package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.json.Json;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one EventBridge operation we use, PutEvents, as a SigV4-signed JSON 1.1 request
 * ({@code X-Amz-Target: AWSEvents.PutEvents}) over the url-connection client. Not the SDK's eventbridge client:
 * its model classes add about 1.47 MB to each publishing function's jar (four jars measured past the 15 MB cap),
 * for one call whose JSON we map ourselves. Authorized as events:PutEvents. No retries here:
 * {@link EventBridgePublisher} retries failed entries and throttled or failed calls with its {@link Backoff}.
 */
public final class EventBridgeJsonClient extends SignedJsonClient {
    /** PutEvents takes at most 10 entries per call. */
    static final int MAX_ENTRIES = 10;

    /** One request entry. */
    public record Entry(String source, String detailType, String detail, String eventBusName) {
    }

    /** One result, in the request's order: an event id, or an error code and message. */
    public record Result(String eventId, String errorCode, String errorMessage) {
    }

    public record Reply(int failedEntryCount, List<Result> entries) {
    }

    /**
     * EventBridge, signed as "events"; a PutEvents reply holds at most 10 short results. {@code endpoint} null: the
     * configured one, else the region's public endpoint ({@link AwsClients#endpoint}).
     */
    public EventBridgeJsonClient(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        super(new Service("EventBridge", "events", "events", 1 << 16), http, region, credentials, endpoint);
    }

    /**
     * Puts {@code entries} (at most 10). {@code invocationId} names the call and its retries, as the SDK's
     * {@code amz-sdk-invocation-id} does.
     */
    public Reply putEvents(List<Entry> entries, String invocationId) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        ArrayNode list = request.putArray("Entries");
        for (Entry e : entries) {
            list.addObject().put("Source", e.source()).put("DetailType", e.detailType()).put("Detail", e.detail())
                    .put("EventBusName", e.eventBusName());
        }
        Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AWSEvents.PutEvents", "amz-sdk-invocation-id", invocationId);
        String body;
        try {
            body = postForBody("/", headers, request.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("EventBridge PutEvents failed", e);
        }
        return parse(body);
    }

    static Reply parse(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("EventBridge PutEvents reply is not JSON: "
                    + snippet(body), e);
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode r : root.path("Entries")) {
            results.add(new Result(text(r, "EventId"), text(r, "ErrorCode"), text(r, "ErrorMessage")));
        }
        return new Reply(root.path("FailedEntryCount").asInt(0), List.copyOf(results));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
