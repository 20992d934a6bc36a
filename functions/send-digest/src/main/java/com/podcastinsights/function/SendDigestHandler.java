package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.stage.StageHandler;
import java.io.*;
import java.time.Clock;
import java.time.Instant;
import java.util.function.*;

/**
 * The hourly schedule -> the digest of each active subscriber whose local send hour it is, for their day. In
 * Lambda it plans: the due readers go to the digest queue in batches, which {@link DigestBatchHandler} sends.
 * Locally (and in tests) one process plans and sends. The event's time, not the clock, decides both.
 */
public final class SendDigestHandler extends StageHandler<SendDigestHandler, BiFunction<Instant, BooleanSupplier, Object>> implements RequestStreamHandler {
    /** Room for the send in flight, its backoff and the SENT record before the timeout. */
    static final long STOP_BEFORE_TIMEOUT_MILLIS = 30_000;
    public SendDigestHandler() {
        super(SendDigestLambda::wire, STOP_BEFORE_TIMEOUT_MILLIS);
    }

    /** Local runs and tests: plan and send in this process, as {@code SendDigestStage} builds the sender. */
    public SendDigestHandler(DigestSender sender, Clock clock) {
        super(sender::send, clock, STOP_BEFORE_TIMEOUT_MILLIS);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.SCHEDULED_EVENT.equals(event.detailType())) {
            // any other event reaching this function is a wiring mistake; sending mail on it would be worse
            throw event.unexpected("SendDigest", "a " + PipelineEvents.SCHEDULED_EVENT + " from " + PipelineEvents.SCHEDULER_SOURCE);
        }
        Object result = service.apply(event.scheduledAt(),
                timeLeft(context == null ? null : context::getRemainingTimeInMillis));
        if (result instanceof DigestReport report) {
            metrics.digest(report);
            if (report.deferred() > 0) { // a retry resumes with the readers not reached; the sent ones are skipped
                throw new IllegalStateException("digest for " + report.day() + " incomplete: sent " + report.sent()
                        + ", " + report.deferred() + " deferred to the retry");
            }
        }
        answer(output, result);
    }
}
