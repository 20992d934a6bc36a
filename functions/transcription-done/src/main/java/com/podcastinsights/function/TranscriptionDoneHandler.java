package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.StageHandler;
import com.podcastinsights.transcript.TranscriptionCompletion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Amazon Transcribe "Transcribe Job State Change" (default bus, COMPLETED or FAILED, our job-name prefix) ->
 * the episode's transcript stored -> Transcript Stored on the app's bus.
 */
public final class TranscriptionDoneHandler extends StageHandler<TranscriptionDoneHandler, TranscriptionCompletion>
        implements RequestStreamHandler {
    static final String SOURCE = "aws.transcribe";
    static final String DETAIL_TYPE = "Transcribe Job State Change";

    public TranscriptionDoneHandler() {
        super(TranscriptionDoneLambda::wire);
    }

    /** Local runs and tests: the stage as {@code TranscriptionDoneStage} builds it on their ports (it keeps no clock). */
    public TranscriptionDoneHandler(TranscriptionCompletion completion) {
        super(completion, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (!SOURCE.equals(event.path("source").asText()) || !DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            throw new IllegalArgumentException("expected " + SOURCE + " " + DETAIL_TYPE + " but got "
                    + event.path("source").asText() + " " + event.path("detail-type").asText());
        }
        JsonNode detail = event.path("detail");
        String job = detail.path("TranscriptionJobName").asText("");
        String status = detail.path("TranscriptionJobStatus").asText("");
        if (job.isBlank() || !(status.equals("COMPLETED") || status.equals("FAILED"))) {
            throw new IllegalArgumentException("job-state change without a job name or a final status: " + detail);
        }
        String reason = detail.hasNonNull("FailureReason") ? detail.get("FailureReason").asText() : null;
        Optional<TranscriptStored> stored = service.jobEnded(job, status.equals("COMPLETED"), reason);
        ObjectNode summary = Json.MAPPER.createObjectNode()
                .put("job", job)
                .put("status", status)
                .put("stored", stored.isPresent());
        stored.ifPresent(s -> summary.put("transcriptKey", s.transcriptKey()).put("source", s.source())
                .put("segments", s.segments()));
        answer(output, summary);
    }
}
