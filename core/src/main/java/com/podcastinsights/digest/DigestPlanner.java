package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Table;
import com.podcastinsights.port.WorkQueue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hourly run's first half: finds the readers due this hour from the send-hour index (never the whole table),
 * fixes the edition of each of their local dates once, and splits them into batches for the senders. Planning
 * twice (a retry, a replay, two overlapping runs) enqueues the same readers twice; the senders' claims
 * ({@link DigestLog}) make the second delivery a no-op.
 */
public final class DigestPlanner {
    /** Readers per batch at most: one batch is one SQS message and one sender invocation's work. */
    public static final int MAX_BATCH = 100;
    private final SubscriberRepository subscribers;
    private final DailySelection selection;
    private final Settings settings;
    private final Integer defaultSendHour;
    private final int batchSize;
    private final Clock clock;

    /**
     * What one run planned; {@code withoutInsights}: due readers whose day has no insights yet (nothing to send);
     * {@code paused}: readers of this hour who paused their digest (not due, not counted in {@code due}).
     */
    public record Plan(String day, int due, List<DigestBatch> batches, int withoutInsights, int paused) {
        public Summary summary() {
            return new Summary(day, due, batches.size(), batches.stream().mapToInt(b -> b.readers().size()).sum(),
                    withoutInsights);
        }
    }

    /** The planner's report: what the hourly invocation returns and logs. */
    public record Summary(String day, int due, int batches, int enqueued, int withoutInsights) {
    }

    public DigestPlanner(Table table, Settings settings, Integer defaultSendHour, int batchSize, Clock clock) {
        if (batchSize < 1 || batchSize > MAX_BATCH) throw new IllegalArgumentException("batch size must be 1-" + MAX_BATCH);
        this.subscribers = new SubscriberRepository(table);
        this.selection = new DailySelection(new InsightRepository(table), table, settings);
        this.settings = settings;
        this.defaultSendHour = defaultSendHour;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * Readers per batch so that one batch takes about {@code seconds} at one sender's share of the SES rate
     * ({@code rate} over {@code senders}); 0 rate (unpaced): the largest batch.
     */
    public static int batchSizeFor(double rate, int senders, int seconds) {
        if (rate <= 0) return MAX_BATCH;
        return (int) Math.max(1, Math.min(MAX_BATCH, Math.floor(rate / Math.max(1, senders) * seconds)));
    }

    public Plan plan(Instant scheduledAt) {
        Map<String, List<String>> byDay = new TreeMap<>();
        List<Subscription> hour = subscribers.dueAt(scheduledAt, settings.digestZone(), defaultSendHour);
        List<Subscription> due = hour.stream().filter(s -> !s.pausedAt(scheduledAt)).toList();
        for (Subscription s : due) {
            byDay.computeIfAbsent(readerDay(s.subscriber(), scheduledAt), d -> new ArrayList<>()).add(s.subscriber().email());
        }
        List<DigestBatch> batches = new ArrayList<>();
        int withoutInsights = 0;
        for (var e : byDay.entrySet()) {
            if (selection.edition(e.getKey(), clock.instant()).five().isEmpty()) {
                withoutInsights += e.getValue().size();
                continue;
            }
            List<String> readers = e.getValue().stream().sorted().toList();
            for (int from = 0; from < readers.size(); from += batchSize) {
                batches.add(new DigestBatch(scheduledAt.toString(), e.getKey(),
                        readers.subList(from, Math.min(from + batchSize, readers.size()))));
            }
        }
        return new Plan(DigestSender.dayOf(scheduledAt, settings), due.size(), batches, withoutInsights,
                hour.size() - due.size());
    }

    /** The reader's own date at {@code scheduledAt}: a Tokyo reader's 07:00 digest is for their today, not the stack's. */
    public String readerDay(Subscriber reader, Instant scheduledAt) {
        return scheduledAt.atZone(zoneOf(reader)).toLocalDate().toString();
    }

    private ZoneId zoneOf(Subscriber reader) {
        return reader.timeZone() == null ? settings.digestZone() : ZoneId.of(reader.timeZone());
    }

    /** Why {@code reader} is not due at {@code scheduledAt} (their send hour is another), or empty when due. */
    public Optional<String> notDue(Subscriber reader, Instant scheduledAt) {
        ZoneId zone = zoneOf(reader);
        ZonedDateTime local = scheduledAt.atZone(zone);
        Integer hour = reader.sendHour() != null ? reader.sendHour() : defaultSendHour;
        if (hour == null || local.getHour() == hour) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "their send hour is %02d:00 in %s; it is %02d:%02d there",
                hour, zone.getId(), local.getHour(), local.getMinute()));
    }

    /** Plans and enqueues every batch (or throws, and the schedule's retry plans again). */
    public Summary enqueue(Instant scheduledAt, WorkQueue queue) {
        Plan plan = plan(scheduledAt);
        queue.send(plan.batches().stream().map(DigestBatch::toJson).toList());
        return plan.summary();
    }
}
