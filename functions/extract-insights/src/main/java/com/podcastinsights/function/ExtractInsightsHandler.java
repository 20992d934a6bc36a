package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.stage.StageHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** Transcript Stored -> the episode's best insights in the table, then Insights Extracted. */
public final class ExtractInsightsHandler extends StageHandler<ExtractInsightsHandler, ExtractionService> implements RequestStreamHandler {
    public ExtractInsightsHandler() {
        super(ExtractInsightsLambda::wire, PipelineEvents.TRANSCRIPT_STORED);
    }

    /** Local runs and tests: the stage as {@code ExtractInsightsStage} builds it on their ports. */
    public ExtractInsightsHandler(ExtractionService service, Clock clock) {
        super(service, clock, PipelineEvents.TRANSCRIPT_STORED);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        TranscriptStored stored = event(input).detailAs(TranscriptStored.class, "feedId", "episodeId", "transcriptKey");
        InsightsExtracted result = service.extract(stored);
        metrics.insights(result);
        answer(output, result);
    }
}
