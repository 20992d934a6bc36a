package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.config.Env;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.insight.ExtractionService;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.StageHandler;
import com.podcastinsights.stage.Wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** Transcript Stored -> the episode's best insights in the table, then Insights Extracted. */
public final class ExtractInsightsHandler extends StageHandler<ExtractInsightsHandler, ExtractionService> implements RequestStreamHandler {
    public ExtractInsightsHandler() {
        super(Clock.systemUTC(), ExtractInsightsLambda.wire(Env.system()));
    }

    /** Local runs and tests: the stage as {@code ExtractInsightsStage} builds it on their ports. */
    public ExtractInsightsHandler(ExtractionService service, Clock clock) {
        super(clock, Wiring.local(service));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        if (!PipelineEvents.TRANSCRIPT_STORED.equals(event.detailType())) {
            throw event.unexpected("ExtractInsights", "a " + PipelineEvents.TRANSCRIPT_STORED);
        }
        TranscriptStored stored = event.detailAs(TranscriptStored.class, "feedId", "episodeId", "transcriptKey");
        InsightsExtracted result = service.extract(stored);
        metrics.insights(result);
        Json.MAPPER.writeValue(output, result);
    }
}
