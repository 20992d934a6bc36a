package com.podcastinsights.insight.fakes;

import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;

import java.util.ArrayList;
import java.util.List;

public final class RecordingPublisher implements EventPublisher {
    public final List<PipelineEvent> published = new ArrayList<>();

    @Override
    public synchronized void publish(List<PipelineEvent> events) {
        published.addAll(events);
    }
}
