package com.podcastinsights.aws;

import com.podcastinsights.aws.EventBridgeJsonClient.Entry;
import com.podcastinsights.aws.EventBridgeJsonClient.Result;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.PipelineEvent;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Puts pipeline events on the custom bus. PutEvents can succeed as a call while failing some entries, so each
 * response is checked entry by entry and only the failed entries are retried; when they still fail, publish
 * throws so the caller's invocation fails and is retried (a lost event would silently stall an episode). A
 * throttled call, a server error or an I/O error is retried the same way, as all of its entries failed; any other
 * error (no such bus, access denied) is thrown at once.
 */
public record EventBridgePublisher(EventBridgeJsonClient events, String busName, Backoff backoff)
        implements EventPublisher {
    public EventBridgePublisher {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(busName, "busName");
        Objects.requireNonNull(backoff, "backoff");
    }

    public EventBridgePublisher(EventBridgeJsonClient events, String busName) {
        this(events, busName, Backoff.standard());
    }

    @Override
    public void publish(List<PipelineEvent> toPublish) {
        List<Entry> entries = toPublish.stream().map(this::entry).toList();
        for (int from = 0; from < entries.size(); from += EventBridgeJsonClient.MAX_ENTRIES) {
            putAll(entries.subList(from, Math.min(from + EventBridgeJsonClient.MAX_ENTRIES, entries.size())));
        }
    }

    private void putAll(List<Entry> batch) {
        List<Entry> pending = batch;
        String invocation = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            List<Entry> failed = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            try {
                var response = events.putEvents(pending, invocation);
                if (response.failedEntryCount() == 0) return;

                // Result entries line up with request entries by position; a failed one carries an error code.
                List<Result> results = response.entries();
                for (int i = 0; i < pending.size(); i++) {
                    Result r = i < results.size() ? results.get(i) : null;
                    if (r == null || r.errorCode() != null || r.eventId() == null) {
                        failed.add(pending.get(i));
                        errors.add(pending.get(i).detailType() + ": "
                                + (r == null ? "no result" : r.errorCode() + " " + r.errorMessage()));
                    }
                }
                if (failed.isEmpty()) return;
            } catch (AwsServiceError | UncheckedIOException e) {
                boolean retryable = !(e instanceof AwsServiceError s) || s.retryable();
                if (!retryable || attempt >= backoff.maxAttempts()) throw e;
                backoff.pauseBefore(attempt + 1);
                continue;
            }
            if (attempt >= backoff.maxAttempts()) {
                throw new IllegalStateException(failed.size() + " event(s) not accepted by bus " + busName
                        + " after " + attempt + " attempts: " + errors);
            }
            pending = failed;
            backoff.pauseBefore(attempt + 1);
        }
    }

    private Entry entry(PipelineEvent e) {
        return new Entry(e.source(), e.detailType(), e.detailJson(), busName);
    }
}
