package com.podcastinsights.event;

/** The names on the bus. docs/events.md documents each one; template.yaml's rules route on them. */
public final class PipelineEvents {
    public static final String SOURCE = "podcast-insights";
    public static final String EPISODE_DISCOVERED = "Episode Discovered";
    public static final String TRANSCRIPT_STORED = "Transcript Stored";
    public static final String INSIGHTS_EXTRACTED = "Insights Extracted";
    public static final String FEED_BATCH_REQUESTED = "Feed Batch Requested";
    /** What EventBridge Scheduler delivers to FetchFeeds and SendDigest (the template's schedule Input). */
    public static final String SCHEDULER_SOURCE = "aws.scheduler";
    public static final String SCHEDULED_EVENT = "Scheduled Event";

    private PipelineEvents() {
    }
}
