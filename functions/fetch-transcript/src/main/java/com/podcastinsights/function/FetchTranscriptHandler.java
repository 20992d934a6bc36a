package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.stage.StageHandler;
import com.podcastinsights.transcript.TranscriptFetcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** Episode Discovered -> stored transcript -> Transcript Stored. */
public final class FetchTranscriptHandler extends StageHandler<FetchTranscriptHandler, TranscriptFetcher> implements RequestStreamHandler {
    public FetchTranscriptHandler() {
        super(FetchTranscriptLambda::wire, PipelineEvents.EPISODE_DISCOVERED);
    }

    /** Local runs and tests: the stage as {@code FetchTranscriptStage} builds it on their ports. */
    public FetchTranscriptHandler(TranscriptFetcher fetcher, Clock clock) {
        super(fetcher, clock, PipelineEvents.EPISODE_DISCOVERED);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EpisodeDiscovered discovered = event(input).detailAs(EpisodeDiscovered.class, "feedId", "episodeId");
        TranscriptFetcher.Outcome outcome = service.fetchReporting(discovered);
        metrics.transcript(outcome.stored());
        if (outcome.skipReason() != null) metrics.transcriptionSkipped(outcome.skipReason());
        answer(output, outcome.summary(discovered));
    }
}
