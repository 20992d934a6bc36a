package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.FeedBatchRequested;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.feed.FeedFanOut;
import com.podcastinsights.feed.PollBudget;
import com.podcastinsights.stage.StageHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** The schedule polls every feed, or publishes one Feed Batch Requested per batch, which polls exactly its feeds. */
public final class FetchFeedsHandler extends StageHandler<FetchFeedsHandler, FeedFanOut> implements RequestStreamHandler {
    public FetchFeedsHandler() {
        super(FetchFeedsLambda::wire);
    }

    /** Local runs and tests: the stage as {@code FetchFeedsStage} builds it on their ports. */
    public FetchFeedsHandler(FeedFanOut fanOut, Clock clock) {
        super(fanOut, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventEnvelope event = EventEnvelope.parse(input);
        PollBudget budget = context == null ? PollBudget.NONE // tests and local runs: no timeout to respect
                : PollBudget.endingAt(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
        ObjectNode summary;
        if (event.is(PipelineEvents.SOURCE, PipelineEvents.FEED_BATCH_REQUESTED)) {
            FeedBatchRequested batch = event.detailAs(FeedBatchRequested.class, "feedIds", "scheduledTime");
            FeedFanOut.BatchRun run = service.onBatchWithin(batch, budget);
            metrics.feedsPolled(run.report());
            summary = run.summary(batch);
        } else if (event.is(PipelineEvents.SCHEDULER_SOURCE, PipelineEvents.SCHEDULED_EVENT)) {
            FeedFanOut.ScheduledRun run = service.onScheduleWithin(event.time(), budget);
            metrics.scheduledRun(run);
            summary = run.summary();
        } else {
            throw event.unexpected("FetchFeeds", "a " + PipelineEvents.SCHEDULED_EVENT + " from " + PipelineEvents.SCHEDULER_SOURCE
                    + " or a " + PipelineEvents.FEED_BATCH_REQUESTED + " from " + PipelineEvents.SOURCE);
        }
        answer(output, summary);
    }
}
