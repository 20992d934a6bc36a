package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.digest.DigestBatch;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.StageHandler;
import java.io.*;
import java.time.Clock;
import java.util.*;
import java.util.function.BooleanSupplier;

/**
 * The digest queue's consumer (SQS event source, ReportBatchItemFailures). A batch with readers deferred (throttled,
 * held by another sender, out of time) or unreadable is reported failed: SQS delivers it again after its visibility
 * timeout (its sent readers are skipped), and moves it to the dead-letter queue after the redrive's receive count.
 */
public final class DigestBatchHandler extends StageHandler<DigestBatchHandler, DigestSender> implements RequestStreamHandler {
    /** Room for the send in flight, its backoff and the SENT record before the timeout. */
    static final long STOP_BEFORE_TIMEOUT_MILLIS = 20_000;
    public DigestBatchHandler() {
        super(DigestSenderLambda::wire, STOP_BEFORE_TIMEOUT_MILLIS);
    }

    /** Local runs and tests: the sender as {@code SendDigestStage} builds it. */
    public DigestBatchHandler(DigestSender sender, Clock clock) {
        super(sender, clock, STOP_BEFORE_TIMEOUT_MILLIS);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode records = Json.MAPPER.readTree(input).path("Records");
        if (!records.isArray()) throw new IllegalArgumentException("DigestSender takes SQS events (Records), got another event");
        List<Map<String, String>> failures = new ArrayList<>();
        BooleanSupplier timeLeft = timeLeft(context == null ? null : context::getRemainingTimeInMillis);
        for (JsonNode record : records) {
            String id = record.path("messageId").asText();
            try {
                DigestReport report = service.send(DigestBatch.parse(record.path("body").asText()), timeLeft);
                metrics.digest(report);
                if (report.deferred() > 0) failures.add(Map.of("itemIdentifier", id));
            } catch (RuntimeException e) {
                System.err.println("digest batch " + id + " failed: " + e);
                failures.add(Map.of("itemIdentifier", id));
            }
        }
        answer(output, Map.of("batchItemFailures", failures));
    }
}
