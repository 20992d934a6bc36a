package com.podcastinsights.local;

import com.podcastinsights.port.WorkQueue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stand-in for an SQS queue with a redrive policy: a received message is invisible until deleted or
 * until {@code visibility} has passed on {@code clock}; after {@code maxReceives} deliveries an undeleted message
 * moves to {@link #deadLetters()} instead of coming back. Local runs use a zero visibility (a message the consumer
 * failed on is at once visible again); the scale benchmark runs it on a simulated clock.
 */
public final class InProcessQueue implements WorkQueue {
    private final Clock clock;
    private final Duration visibility;
    private final int maxReceives;
    private final Map<String, Entry> messages = new LinkedHashMap<>();
    private final List<String> deadLetters = new ArrayList<>();

    private static final class Entry {
        final String id;
        final String body;
        Instant visibleAt = Instant.MIN;
        int receives;
        String receipt;

        Entry(String id, String body) {
            this.id = id;
            this.body = body;
        }
    }

    public InProcessQueue(Clock clock, Duration visibility, int maxReceives) {
        if (maxReceives < 1) throw new IllegalArgumentException("maxReceives must be at least 1");
        this.clock = clock;
        this.visibility = visibility;
        this.maxReceives = maxReceives;
    }

    @Override
    public synchronized void send(List<String> bodies) {
        for (String b : bodies) {
            if (b.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("message body over " + MAX_BODY_BYTES + " bytes");
            }
        }
        for (String b : bodies) {
            String id = UUID.randomUUID().toString();
            messages.put(id, new Entry(id, b));
        }
    }

    @Override
    public synchronized List<Message> receive(int max) {
        Instant now = clock.instant();
        List<Message> out = new ArrayList<>();
        var it = messages.values().iterator();
        while (it.hasNext() && out.size() < max) {
            Entry e = it.next();
            if (e.visibleAt.isAfter(now)) continue;
            if (e.receives >= maxReceives) {
                it.remove();
                deadLetters.add(e.body);
                continue;
            }
            e.receives++;
            e.receipt = UUID.randomUUID().toString();
            e.visibleAt = now.plus(visibility);
            out.add(new Message(e.id, e.body, e.receipt, e.receives));
        }
        return out;
    }

    @Override
    public synchronized void delete(Message message) {
        Entry e = messages.get(message.id());
        // a stale receipt (the message was received again since) deletes nothing, as in SQS after a redelivery
        if (e != null && e.receipt != null && e.receipt.equals(message.receipt())) messages.remove(message.id());
    }

    /** When the next invisible message becomes visible again, or null when none is in flight. */
    public synchronized Instant nextVisibleAt() {
        Instant now = clock.instant();
        return messages.values().stream().map(e -> e.visibleAt).filter(t -> t.isAfter(now)).min(Instant::compareTo)
                .orElse(null);
    }

    /** Bodies that passed {@code maxReceives} deliveries undeleted: the dead-letter queue. */
    public synchronized List<String> deadLetters() {
        return List.copyOf(deadLetters);
    }
}
