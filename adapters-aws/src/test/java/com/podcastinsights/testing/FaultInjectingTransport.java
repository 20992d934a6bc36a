package com.podcastinsights.testing;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.AwsRetries;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process fault-injecting proxy in front of the emulator: the SDK clients' HTTP transport. A planned fault
 * answers the request itself, with the status, error code and body the real service sends for throttling or a
 * server error, and the request never reaches moto, as when AWS rejects a request without applying it. The SDK
 * then sees a genuine error response, so its own retry classification and backoff are what is tested.
 *
 * <p>Faults are planned per operation name (PutItem, PutObject, PutEvents, SendEmail, ...), which an
 * {@link ExecutionInterceptor} puts in a request header: every {@code every}-th invocation of the operation
 * (the 1st, the 1+every-th, ...), up to {@code limit} of them, fails its first {@code failedAttempts} attempts (an
 * invocation is one SDK call; its retries share the SDK's invocation id). {@code failedAttempts} at or above
 * {@link AwsRetries#MAX_ATTEMPTS} exhausts the retry budget, so the call fails.
 */
public final class FaultInjectingTransport implements SdkHttpClient {
    static final String OPERATION_HEADER = "x-test-operation";

    /** What the service answers: HTTP status, error code, and which wire protocol shapes the body. */
    public enum Kind {
        DYNAMODB_THROTTLING(400, "ProvisionedThroughputExceededException"),
        DYNAMODB_5XX(500, "InternalServerError"),
        S3_SLOW_DOWN(503, "SlowDown"),
        S3_5XX(500, "InternalError"),
        EVENTS_THROTTLING(400, "ThrottlingException"),
        EVENTS_5XX(500, "InternalException"),
        SES_THROTTLING(429, "TooManyRequestsException"),
        SES_5XX(503, "ServiceUnavailable"),
        /** Not a fault to retry: SES refusing this one message. */
        SES_REJECTED(400, "MessageRejected");

        final int status;
        final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    private record Plan(Kind kind, int every, int limit, int failedAttempts) {
    }

    private final SdkHttpClient real = UrlConnectionHttpClient.create();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    /** Per operation, every invocation id seen, with its attempts so far (-1: not picked to fail). */
    private final Map<String, Map<String, Integer>> picked = new HashMap<>();
    private final Map<String, Integer> pickedCount = new HashMap<>();
    private final Map<String, Integer> injected = new LinkedHashMap<>();
    private final Map<String, Integer> forwarded = new LinkedHashMap<>();

    /** Clients built on this transport, with test backoff, tagging each request with its operation. */
    public AwsClients.Options options() {
        return new AwsClients.Options(AwsRetries.fastForTests(), this, List.of(new OperationTag()));
    }

    /** Every {@code every}-th invocation of {@code operation} from now on fails its first {@code failedAttempts}. */
    public synchronized FaultInjectingTransport failEvery(String operation, Kind kind, int every, int failedAttempts) {
        return plan(operation, new Plan(kind, every, Integer.MAX_VALUE, failedAttempts));
    }

    /** The next {@code calls} invocations of {@code operation} fail their first {@code failedAttempts} attempts. */
    public synchronized FaultInjectingTransport failNext(String operation, Kind kind, int calls, int failedAttempts) {
        return plan(operation, new Plan(kind, 1, calls, failedAttempts));
    }

    private FaultInjectingTransport plan(String operation, Plan plan) {
        plans.put(operation, plan);
        picked.put(operation, new LinkedHashMap<>());
        pickedCount.put(operation, 0);
        return this;
    }

    public synchronized void clear() {
        plans.clear();
        picked.clear();
        pickedCount.clear();
    }

    /** Fault responses sent, by operation. */
    public synchronized Map<String, Integer> injected() {
        return Map.copyOf(injected);
    }

    /** Requests passed on to the emulator, by operation. */
    public synchronized Map<String, Integer> forwarded() {
        return Map.copyOf(forwarded);
    }

    public synchronized int injectedTotal() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        // our signed JSON clients have no interceptors: their operation is the X-Amz-Target's
        String operation = http.firstMatchingHeader(OPERATION_HEADER)
                .or(() -> http.firstMatchingHeader("X-Amz-Target").map(t -> t.substring(t.indexOf('.') + 1)))
                .orElse("?");
        String invocation = http.firstMatchingHeader("amz-sdk-invocation-id").orElse("");
        Kind fault = decide(operation, invocation);
        if (fault == null) return real.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return response(fault, operation);
            }

            @Override
            public void abort() {
            }
        };
    }

    private synchronized Kind decide(String operation, String invocation) {
        Plan plan = plans.get(operation);
        if (plan != null) {
            Map<String, Integer> attempts = picked.get(operation);
            if (!attempts.containsKey(invocation)) {
                int index = attempts.size();
                boolean pick = index % plan.every() == 0 && pickedCount.get(operation) < plan.limit();
                if (pick) pickedCount.merge(operation, 1, Integer::sum);
                attempts.put(invocation, pick ? 0 : -1);
            }
            int before = attempts.get(invocation);
            if (before >= 0) {
                attempts.put(invocation, before + 1);
                if (before < plan.failedAttempts()) {
                    injected.merge(operation, 1, Integer::sum);
                    return plan.kind();
                }
            }
        }
        forwarded.merge(operation, 1, Integer::sum);
        return null;
    }

    private static HttpExecuteResponse response(Kind kind, String operation) {
        String message = "injected " + kind.code + " on " + operation;
        SdkHttpResponse.Builder r = SdkHttpResponse.builder().statusCode(kind.status)
                .putHeader("x-amzn-RequestId", "fault-" + System.nanoTime());
        String body;
        switch (kind) {
            case S3_SLOW_DOWN, S3_5XX -> {
                r.putHeader("Content-Type", "application/xml");
                body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + kind.code + "</Code><Message>"
                        + message + "</Message><RequestId>fault</RequestId></Error>";
            }
            case DYNAMODB_THROTTLING, DYNAMODB_5XX -> {
                r.putHeader("Content-Type", "application/x-amz-json-1.0");
                body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + kind.code + "\",\"message\":\"" + message + "\"}";
            }
            case EVENTS_THROTTLING, EVENTS_5XX -> {
                r.putHeader("Content-Type", "application/x-amz-json-1.1");
                body = "{\"__type\":\"" + kind.code + "\",\"message\":\"" + message + "\"}";
            }
            default -> {
                r.putHeader("Content-Type", "application/json").putHeader("x-amzn-ErrorType", kind.code);
                body = "{\"message\":\"" + message + "\"}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        r.putHeader("Content-Length", Integer.toString(bytes.length));
        return HttpExecuteResponse.builder().response(r.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }

    @Override
    public void close() {
        real.close();
    }

    @Override
    public String clientName() {
        return "FaultInjecting";
    }

    /** Names the operation of each request in a header, for the transport to pick faults by. */
    static final class OperationTag implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            return context.httpRequest().toBuilder().putHeader(OPERATION_HEADER, operation == null ? "?" : operation)
                    .build();
        }
    }

    /** Operations seen so far (forwarded or faulted), for tests that check a plan was exercised. */
    public synchronized Set<String> operationsSeen() {
        var all = new java.util.TreeSet<>(forwarded.keySet());
        all.addAll(injected.keySet());
        return all;
    }
}
