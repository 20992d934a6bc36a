package com.podcastinsights.bench;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestBatch;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.DigestPlanner;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.SendPacer;
import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.port.Table;
import com.podcastinsights.port.WorkQueue;
import com.podcastinsights.stage.DigestPlannerStage;
import com.podcastinsights.stage.SendDigestStage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One simulated day of the digest fan-out, through the production code: {@link DigestPlanner} every hour (as
 * SendDigestFunction), batches on a {@link WorkQueue}, and {@code senders} concurrent {@link DigestSender}s (as
 * DigestSenderFunction under the event source mapping's MaximumConcurrency), each paced at its share of the SES
 * rate, against {@link SimulatedSes}. A discrete-event loop on {@link VirtualTime}: the sender that is free first
 * takes the next visible batch; a batch with deferred readers is not deleted and comes back after the queue's
 * visibility timeout, as SQS does.
 */
final class FanOutSimulation {
    static final List<String> ZONES = List.of("Pacific/Pago_Pago", "Pacific/Honolulu", "America/Anchorage",
            "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Halifax",
            "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London", "Europe/Berlin",
            "Europe/Athens", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka",
            "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland");
    /** A day no zone above changes its clocks on, so every local hour happens exactly once in the 24 UTC hours. */
    static final Instant START = Instant.parse("2026-06-15T00:00:00Z");
    static final long SECOND = 1_000_000_000L;
    static final long SENDER_TIMEOUT = 120 * SECOND, STOP_BEFORE = 20 * SECOND;

    record Result(int readers, int senders, int rate, long planned, int batches, int deliveries, int redeliveries,
                  long duplicates, long gaps, long late, int peak, double meanPerBusySecond, long busiestHourSends,
                  double busiestHourDrainSeconds,
                  int throttled, int rejected, int unconfirmed, int deadLettered, long wallMillis, long simulatedSeconds) {
    }

    private final Table table;
    private final WorkQueue queue;
    private final Supplier<Integer> deadLetters;
    private final Supplier<Instant> nextVisible;
    private final VirtualTime time;
    private final Settings settings = Settings.defaults().withSenderAddress("digest@bench.invalid");

    /** {@code nextVisible}: when the next batch in flight becomes visible again (null: none, or not known). */
    FanOutSimulation(Table table, WorkQueue queue, VirtualTime time, Supplier<Integer> deadLetters,
                     Supplier<Instant> nextVisible) {
        this.nextVisible = nextVisible;
        this.table = table;
        this.queue = queue;
        this.time = time;
        this.deadLetters = deadLetters;
    }

    /** Readers spread over {@link #ZONES}, each with a random send hour (2% with none: the default, 7). */
    static List<Subscriber> readers(int n) {
        Random random = new Random(500_000);
        List<Subscriber> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Integer hour = random.nextInt(50) == 0 ? null : random.nextInt(24);
            out.add(new Subscriber("r" + i + "@example.com", true, null, ZONES.get(i % ZONES.size()), hour, List.of(), List.of()));
        }
        return out;
    }

    void seed(List<Subscriber> readers) {
        // each day its own episodes (an episode's insights are one partition, rewritten by each save)
        var repo0 = new com.podcastinsights.insight.InsightRepository(table);
        for (int d = -2; d <= 2; d++) {
            String day = LocalDate.parse("2026-06-15").plusDays(d).toString();
            for (String e : List.of("a", "b", "c")) {
                List<com.podcastinsights.insight.ExtractedInsight> found = new ArrayList<>();
                for (int r = 1; r <= 3; r++) {
                    var i = DigestFixtures.insight(e + day.replace("-", ""), r, 0.9 - 0.1 * r - (e.charAt(0) - 'a') * 0.05, day);
                    found.add(new com.podcastinsights.insight.ExtractedInsight(r, i, i.text()));
                }
                repo0.save(e + day.replace("-", ""), found, "2026-06-01T00:00:00Z");
            }
        }
        SubscriberRepository repo = new SubscriberRepository(table);
        for (Subscriber s : readers) repo.save(s, "2026-06-01T00:00:00Z");
    }

    private static final class Worker {
        final DigestSender sender;
        long freeAt;

        Worker(DigestSender sender) {
            this.sender = sender;
        }
    }

    Result run(List<Subscriber> readers, int rate, int senders, double rejectRate, Duration visibility) {
        long wall = System.nanoTime();
        SimulatedSes ses = new SimulatedSes(time, rate, rejectRate, 20_000_000L);
        SendDigestStage.Config config = new SendDigestStage.Config(settings, rate, 7, null, senders);
        PriorityQueue<Worker> fleet = new PriorityQueue<>((a, b) -> Long.compare(a.freeAt, b.freeAt));
        for (int i = 0; i < senders; i++) {
            SendPacer pacer = new SendPacer(config.ratePerSender(), time::nanos, time::advance);
            fleet.add(new Worker(new DigestSender(table, ses, time, settings, UnsubscribeLinks.local(), pacer, 7)));
        }
        DigestPlanner planner = DigestPlannerStage.build(new DigestPlannerStage.Config(settings, 7,
                DigestPlanner.batchSizeFor(rate, senders, SendDigestStage.BATCH_SECONDS)), table, time);
        long planned = 0;
        int batches = 0, deliveries = 0, redeliveries = 0, unconfirmed = 0;
        int nextHour = 0;
        long end = 26 * 3600 * SECOND;
        while (true) {
            Worker w = fleet.poll();
            long t = w.freeAt;
            if (nextHour < 24 && t >= nextHour * 3600 * SECOND) {
                // the schedule fires before any sender moves past the hour
                fleet.add(w);
                time.set(nextHour * 3600 * SECOND);
                DigestPlanner.Summary s = planner.enqueue(START.plusSeconds(nextHour * 3600L), queue);
                planned += s.enqueued();
                if (s.withoutInsights() > 0) System.out.println("hour " + nextHour + ": " + s);
                batches += s.batches();
                nextHour++;
                continue;
            }
            time.set(t);
            List<WorkQueue.Message> got = queue.receive(1);
            if (got.isEmpty()) {
                // idle until a batch in flight becomes visible again or the next hour's run
                Instant visible = nextVisible.get();
                long wake = Math.min(visible == null ? Long.MAX_VALUE : Math.max(t + 1, java.time.Duration.between(START, visible).toNanos()),
                        nextHour < 24 ? nextHour * 3600 * SECOND : Long.MAX_VALUE);
                if (wake == Long.MAX_VALUE || wake > end) {
                    if (fleet.isEmpty() || fleet.stream().allMatch(o -> o.freeAt >= end)) break;
                    wake = end;
                }
                w.freeAt = wake;
                fleet.add(w);
                continue;
            }
            WorkQueue.Message m = got.get(0);
            deliveries++;
            if (m.receiveCount() > 1) redeliveries++;
            long invoked = time.nanos();
            DigestReport r = w.sender.send(DigestBatch.parse(m.body()), () -> time.nanos() - invoked < SENDER_TIMEOUT - STOP_BEFORE);
            unconfirmed += r.unconfirmed();
            if (r.deferred() == 0) queue.delete(m);
            w.freeAt = time.nanos();
            fleet.add(w);
        }
        // every reader's one hour: the UTC hour of the run at which their local hour is their send hour
        long duplicates = 0, gaps = 0, late = 0;
        long[] sendsInHour = new long[30], lastInHour = new long[30];
        for (Subscriber s : readers) {
            long[] a = ses.accepted.get(s.email());
            int hour = s.sendHour() == null ? 7 : s.sendHour();
            int due = -1;
            for (int h = 0; h < 24; h++) {
                if (START.plusSeconds(h * 3600L).atZone(ZoneId.of(s.timeZone())).getHour() == hour) due = h;
            }
            if (a == null) {
                gaps++;
                continue;
            }
            duplicates += a[0] - 1;
            long hourOfSend = a[1] / (3600 * SECOND);
            int hs = (int) Math.min(29, hourOfSend);
            sendsInHour[hs]++;
            lastInHour[hs] = Math.max(lastInHour[hs], a[1] - hourOfSend * 3600 * SECOND);
            if (hourOfSend != due) late++;
        }
        int busiest = 0;
        for (int h = 0; h < 30; h++) if (sendsInHour[h] > sendsInHour[busiest]) busiest = h;
        return new Result(readers.size(), senders, rate, planned, batches, deliveries, redeliveries, duplicates, gaps,
                late, ses.peakPerSecond(), ses.meanPerBusySecond(), sendsInHour[busiest], lastInHour[busiest] / 1e9, ses.throttled, ses.rejected, unconfirmed,
                deadLetters.get(), (System.nanoTime() - wall) / 1_000_000, time.nanos() / SECOND);
    }

    static String render(String title, Result r) {
        return String.join("\n",
                "### " + title,
                "",
                "| measure | value |",
                "|---|---:|",
                "| readers (24 zones, random send hours) | " + r.readers() + " |",
                "| SES rate (simulated, per second) / senders / pace per sender | " + r.rate() + " / " + r.senders() + " / "
                        + (r.rate() / (double) r.senders()) + " |",
                "| readers enqueued over 24 hourly runs / batches | " + r.planned() + " / " + r.batches() + " |",
                "| batch deliveries (of them redeliveries) | " + r.deliveries() + " (" + r.redeliveries() + ") |",
                "| **duplicates** | **" + r.duplicates() + "** |",
                "| **gaps** (due readers never sent) | **" + r.gaps() + "** |",
                "| sent outside their hour | " + r.late() + " |",
                "| peak sends in one second / mean over busy seconds | " + r.peak() + " / " + String.format("%.1f", r.meanPerBusySecond()) + " |",
                "| busiest hour: readers sent / seconds from the hour's start to its last send / sends per second | "
                        + r.busiestHourSends() + " / " + String.format("%.0f", r.busiestHourDrainSeconds()) + " / "
                        + String.format("%.1f", r.busiestHourSends() / Math.max(1e-9, r.busiestHourDrainSeconds())) + " |",
                "| throttled by the simulated SES / random rejections (0.1%) | " + r.throttled() + " / " + r.rejected() + " |",
                "| unconfirmed / dead-lettered batches | " + r.unconfirmed() + " / " + r.deadLettered() + " |",
                "| simulated time / wall time | " + r.simulatedSeconds() + " s / " + String.format("%.1f", r.wallMillis() / 1000.0) + " s |",
                "");
    }
}
