package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.StageHandler;
import com.podcastinsights.stage.Wiring;
import com.podcastinsights.transcript.TranscriptFetcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** Episode Discovered -> stored transcript -> Transcript Stored. */
public final class FetchTranscriptHandler extends StageHandler<FetchTranscriptHandler, TranscriptFetcher> implements RequestStreamHandler {
    public FetchTranscriptHandler() {
        super(Clock.systemUTC(), FetchTranscriptLambda.wire(Env.system()));
    }

    /** Local runs and tests: the stage as {@code FetchTranscriptStage} builds it on their ports. */
    public FetchTranscriptHandler(TranscriptFetcher fetcher, Clock clock) {
        super(clock, Wiring.local(fetcher));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.EPISODE_DISCOVERED.equals(event.detailType())) {
            throw event.unexpected("FetchTranscript", "an " + PipelineEvents.EPISODE_DISCOVERED);
        }
        EpisodeDiscovered discovered = event.detailAs(EpisodeDiscovered.class, "feedId", "episodeId");
        TranscriptFetcher.Outcome outcome = service.fetchReporting(discovered);
        metrics.transcript(outcome.stored());
        if (outcome.skipReason() != null) metrics.transcriptionSkipped(outcome.skipReason());
        Json.MAPPER.writeValue(output, outcome.summary(discovered));
    }
}
