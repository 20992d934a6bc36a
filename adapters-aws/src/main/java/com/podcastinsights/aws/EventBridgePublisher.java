package com.podcastinsights.aws;

import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts pipeline events on the custom bus. PutEvents can succeed as a call while failing some entries, so each
 * response is checked entry by entry and only the failed entries are retried; when they still fail, publish
 * throws so the caller's invocation fails and is retried (a lost event would silently stall an episode).
 */
public final class EventBridgePublisher implements EventPublisher {
    /** PutEvents takes at most 10 entries per call. */
    static final int BATCH = 10;

    private final EventBridgeClient events;
    private final String busName;
    private final Backoff backoff;

    public EventBridgePublisher(EventBridgeClient events, String busName) {
        this(events, busName, Backoff.standard());
    }

    public EventBridgePublisher(EventBridgeClient events, String busName, Backoff backoff) {
        this.events = Objects.requireNonNull(events, "events");
        this.busName = Objects.requireNonNull(busName, "busName");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public void publish(List<PipelineEvent> toPublish) {
        List<PutEventsRequestEntry> entries = toPublish.stream().map(this::entry).toList();
        for (int from = 0; from < entries.size(); from += BATCH) {
            putAll(entries.subList(from, Math.min(from + BATCH, entries.size())));
        }
    }

    private void putAll(List<PutEventsRequestEntry> batch) {
        List<PutEventsRequestEntry> pending = batch;
        for (int attempt = 1; ; attempt++) {
            var response = events.putEvents(PutEventsRequest.builder().entries(pending).build());
            if (response.failedEntryCount() == null || response.failedEntryCount() == 0) return;

            // Result entries line up with request entries by position; a failed one carries an error code.
            List<PutEventsRequestEntry> failed = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < pending.size(); i++) {
                PutEventsResultEntry r = i < results.size() ? results.get(i) : null;
                if (r == null || r.errorCode() != null || r.eventId() == null) {
                    failed.add(pending.get(i));
                    errors.add(pending.get(i).detailType() + ": "
                            + (r == null ? "no result" : r.errorCode() + " " + r.errorMessage()));
                }
            }
            if (failed.isEmpty()) return;
            if (attempt >= backoff.maxAttempts()) {
                throw new IllegalStateException(failed.size() + " event(s) not accepted by bus " + busName
                        + " after " + attempt + " attempts: " + errors);
            }
            pending = failed;
            backoff.pauseBefore(attempt + 1);
        }
    }

    private PutEventsRequestEntry entry(PipelineEvent e) {
        return PutEventsRequestEntry.builder().eventBusName(busName).source(e.source())
                .detailType(e.detailType()).detail(e.detailJson()).build();
    }
}
