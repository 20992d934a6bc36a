package com.podcastinsights.aws;

import com.podcastinsights.port.*;

/** STUB: to be built. */
public final class EventBridgePublisher implements EventPublisher {
    public EventBridgePublisher(software.amazon.awssdk.services.eventbridge.EventBridgeClient events, String busName) {
    }
    @Override public void publish(java.util.List<PipelineEvent> events) { throw new UnsupportedOperationException("stub"); }
}
