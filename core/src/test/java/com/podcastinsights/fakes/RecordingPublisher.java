package com.podcastinsights.fakes;

import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;

import java.util.ArrayList;
import java.util.List;

/** Keeps what was published; {@link #failNext} makes the next calls throw, as a bus outage would. */
public final class RecordingPublisher implements EventPublisher {
    private final List<PipelineEvent> published = new ArrayList<>();
    private int failuresLeft;

    @Override
    public synchronized void publish(List<PipelineEvent> events) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("bus unavailable");
        }
        published.addAll(events);
    }

    public synchronized void failNext(int calls) {
        failuresLeft = calls;
    }

    public synchronized List<PipelineEvent> published() {
        return List.copyOf(published);
    }

    public synchronized List<PipelineEvent> published(String detailType) {
        return published.stream().filter(e -> e.detailType().equals(detailType)).toList();
    }
}
