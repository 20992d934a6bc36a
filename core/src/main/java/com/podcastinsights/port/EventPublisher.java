package com.podcastinsights.port;

import java.util.List;

/** Emits pipeline events. EventBridge in AWS, an in-process bus routed by template.yaml's rules locally. */
public interface EventPublisher {
    /** Publishes every event or throws; a partial failure is an exception, never silently dropped. */
    void publish(List<PipelineEvent> events);
}
