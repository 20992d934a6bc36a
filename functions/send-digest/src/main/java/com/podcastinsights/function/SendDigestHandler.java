package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.StageHandler;
import com.podcastinsights.stage.Wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * The hourly schedule -> one digest email to each active subscriber whose local send hour it is, for their
 * day. The event's time, not the clock, decides both, so a replay targets the hour it was meant for.
 */
public final class SendDigestHandler extends StageHandler<SendDigestHandler, DigestSender> implements RequestStreamHandler {
    /** Room for the send in flight, its throttling backoff and the SENT record before Lambda's timeout. */
    static final long STOP_BEFORE_TIMEOUT_MILLIS = 30_000;

    public SendDigestHandler() {
        super(Clock.systemUTC(), SendDigestLambda.wire(Env.system()));
    }

    /** Local runs and tests: the stage as {@code SendDigestStage} builds it on their ports. */
    public SendDigestHandler(DigestSender sender, Clock clock) {
        super(clock, Wiring.local(sender));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.SCHEDULED_EVENT.equals(event.detailType())) {
            // any other event reaching this function is a wiring mistake; sending mail on it would be worse
            throw event.unexpected("SendDigest", "a " + PipelineEvents.SCHEDULED_EVENT + " from " + PipelineEvents.SCHEDULER_SOURCE);
        }
        DigestReport report = service.send(event.scheduledAt(), () -> context == null
                || context.getRemainingTimeInMillis() > STOP_BEFORE_TIMEOUT_MILLIS);
        metrics.digest(report);
        if (report.deferred() > 0) {
            // an error makes Lambda retry the asynchronous invocation (EventInvokeConfig), which resumes with the
            // subscribers not reached; the ones already sent are skipped by their Digest records
            throw new IllegalStateException("digest for " + report.day() + " incomplete: sent " + report.sent()
                    + ", " + report.deferred() + " deferred to the retry");
        }
        Json.MAPPER.writeValue(output, report);
    }
}
