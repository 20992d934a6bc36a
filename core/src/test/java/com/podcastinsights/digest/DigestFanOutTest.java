package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fan-out's exactly-once: the planner's batches delivered twice, a sender dying on either side of the SES call,
 * and overlapping hourly runs each send every due reader one digest, no more and no less.
 */
class DigestFanOutTest {
    private static final String DAY = "2026-11-30";
    private static final Instant SCHEDULE = Instant.parse("2026-11-30T07:00:00Z");
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Settings settings = new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T07:00:03Z"));
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    private final SubscriberRepository subscribers = new SubscriberRepository(table);
    private final List<String> readers = IntStream.range(0, 7).mapToObj(i -> "r" + i + "@example.com").toList();

    private DigestPlanner planner() {
        return new DigestPlanner(table, settings, 7, 3, clock);
    }

    private DigestSender sender(SendPacer pacer, com.podcastinsights.port.Mailer m) {
        return new DigestSender(table, m, clock, settings, UnsubscribeLinks.local(), pacer, 7);
    }

    private DigestSender sender() {
        return sender(SendPacer.perSecond(0), mailer);
    }

    private void seed() {
        DigestFixtures.seedDay(table, DAY);
        for (String r : readers) subscribers.subscribe(r, "2026-11-01T00:00:00Z");
    }

    private Map<String, Long> sendsPerReader() {
        return mailer.sent.stream().collect(Collectors.groupingBy(OutgoingMail::to, Collectors.counting()));
    }

    private void assertEachReaderOnce() {
        Map<String, Long> sends = sendsPerReader();
        assertEquals(readers.stream().sorted().toList(), sends.keySet().stream().sorted().toList(), "no reader lost");
        assertTrue(sends.values().stream().allMatch(n -> n == 1), "no duplicate: " + sends);
    }

    @Test
    void aBatchDeliveredTwiceSendsOnce() throws Exception {
        seed();
        List<DigestBatch> batches = planner().plan(SCHEDULE).batches();
        assertEquals(3, batches.size(), "7 readers in batches of 3");
        for (DigestBatch b : batches) sender().send(DigestBatch.parse(b.toJson()), () -> true);
        DigestReport again = sender().send(batches.get(0), () -> true);
        assertEquals(3, again.skipped());

        // and twice at once, by two senders (SQS's visibility ran out while the first was still at it)
        DigestBatch late = new DigestBatch(SCHEDULE.toString(), DAY, List.of("late@example.com"));
        subscribers.subscribe("late@example.com", "2026-11-01T00:00:00Z");
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> twins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                sender().send(late, () -> true);
            });
            t.start();
            twins.add(t);
        }
        start.countDown();
        for (Thread t : twins) t.join();
        assertEquals(1, sendsPerReader().get("late@example.com"));
        assertEachReaderOnce(readers.size() + 1);
    }

    private void assertEachReaderOnce(int expected) {
        Map<String, Long> sends = sendsPerReader();
        assertEquals(expected, sends.size());
        assertTrue(sends.values().stream().allMatch(n -> n == 1), "no duplicate: " + sends);
    }

    @Test
    void aSenderThatDiesAfterSesAcceptedAndBeforeRecordingSendsNoDuplicate() {
        seed();
        List<DigestBatch> batches = planner().plan(SCHEDULE).batches();
        // SES accepts r0's message, then the sender's environment dies before SENT is written
        com.podcastinsights.port.Mailer dying = mail -> {
            mailer.send(mail);
            throw new Error("the execution environment died");
        };
        assertThrows(Error.class, () -> sender(SendPacer.perSecond(0), dying).send(batches.get(0), () -> true));
        assertEquals(DigestLog.SENDING, new DigestLog(table).status("r0@example.com", DAY).orElseThrow());

        // SQS hands the batch out again once its visibility ends (well past the claim's lease)
        now.set(now.get().plus(DigestSender.LEASE).plusSeconds(60));
        DigestReport redelivered = sender().send(batches.get(0), () -> true);
        assertEquals(1, redelivered.unconfirmed(), "in doubt: not resent");
        for (DigestBatch b : batches.subList(1, batches.size())) sender().send(b, () -> true);
        assertEachReaderOnce();
    }

    @Test
    void aSenderThatDiesAfterClaimingAndBeforeSendingLosesNoReader() {
        seed();
        List<DigestBatch> batches = planner().plan(SCHEDULE).batches();
        SendPacer dies = new SendPacer(1, () -> 0L, n -> { throw new Error("died while waiting for its turn"); });
        DigestSender doomed = sender(dies, mailer);
        doomed.send(new DigestBatch(SCHEDULE.toString(), DAY, List.of("r1@example.com")), () -> true); // takes the pacer's first slot
        assertThrows(Error.class, () -> doomed.send(batches.get(0), () -> true));
        assertEquals(DigestLog.CLAIMED, new DigestLog(table).status("r0@example.com", DAY).orElseThrow());

        // a redelivery while the dead sender's lease runs is deferred, not sent and not dropped
        DigestReport early = sender().send(batches.get(0), () -> true);
        assertEquals(1, early.deferred());
        now.set(now.get().plus(DigestSender.LEASE).plusSeconds(1));
        DigestReport later = sender().send(batches.get(0), () -> true);
        assertEquals(1, later.sent(), "the claim whose lease ran out is taken over");
        for (DigestBatch b : batches.subList(1, batches.size())) sender().send(b, () -> true);
        assertEachReaderOnce();
    }

    @Test
    void twoHourlyRunsOverlappingSendOnce() {
        seed();
        // the same hour planned twice (a retry of the schedule, or a replay) with their batches interleaved
        List<DigestBatch> first = planner().plan(SCHEDULE).batches();
        List<DigestBatch> second = planner().plan(SCHEDULE).batches();
        for (int i = 0; i < first.size(); i++) {
            sender().send(second.get(i), () -> true);
            sender().send(first.get(i), () -> true);
        }
        assertEachReaderOnce();

        // the hour that repeats when clocks go back: New York's 01:00 on 1 November 2026 is both 05:00Z and 06:00Z
        subscribers.save(new Subscriber("ny@example.com", true, null, "America/New_York", 1, List.of(), List.of()),
                "2026-10-01T00:00:00Z");
        DigestFixtures.seedDay(table, "2026-11-01");
        List<DigestBatch> a = planner().plan(Instant.parse("2026-11-01T05:00:00Z")).batches();
        List<DigestBatch> b = planner().plan(Instant.parse("2026-11-01T06:00:00Z")).batches();
        assertEquals(List.of("ny@example.com"), a.get(0).readers());
        assertEquals(a.get(0).readers(), b.get(0).readers(), "due in both runs");
        sender().send(b.get(0), () -> true);
        sender().send(a.get(0), () -> true);
        assertEquals(1, sendsPerReader().get("ny@example.com"));
    }

    /** SendDigestFunction's role grants the table GetItem, PutItem and Query only (TemplateTest.TABLE_ACTIONS_USED). */
    @Test
    void planningOnlyGetsPutsIfAbsentAndQueries() {
        seed();
        List<String> calls = new ArrayList<>();
        com.podcastinsights.port.Table recording = (com.podcastinsights.port.Table) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{com.podcastinsights.port.Table.class}, (proxy, m, args) -> {
                    calls.add(m.getName());
                    try {
                        return m.invoke(table, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertEquals(3, new DigestPlanner(recording, settings, 7, 3, clock).plan(SCHEDULE).batches().size());
        assertTrue(java.util.Set.of("get", "putIfAbsent", "query", "queryIndex", "queryIndex2").containsAll(calls), calls.toString());
    }

    @Test
    void thePlannerReadsOnlyThePartitionsOfItsHour() {
        seed();
        subscribers.save(new Subscriber("tokyo@example.com", true, null, "Asia/Tokyo", 7, List.of(), List.of()),
                "2026-11-01T00:00:00Z");
        subscribers.save(new Subscriber("delhi@example.com", true, null, "Asia/Kolkata", 12, List.of(), List.of()),
                "2026-11-01T00:00:00Z");
        subscribers.unsubscribe("r6@example.com", "2026-11-02T00:00:00Z");
        Function<Instant, List<String>> due = t -> subscribers.dueAt(t, ZoneId.of("UTC"), 7).stream()
                .map(s -> s.subscriber().email()).sorted().toList();

        List<String> atSeven = new ArrayList<>(readers.subList(0, 6));
        atSeven.add(0, "delhi@example.com");
        assertEquals(atSeven, due.apply(SCHEDULE), "07:00 in UTC and 12:30 in Delhi; r6 left");
        assertEquals(List.of("tokyo@example.com"), due.apply(Instant.parse("2026-11-29T22:00:00Z")));
        assertEquals(List.of(), due.apply(Instant.parse("2026-11-30T06:00:00Z")).stream()
                .filter(e -> e.startsWith("delhi")).toList(), "06:00Z is 11:30 in Delhi");
        assertEquals(List.of("delhi@example.com"), due.apply(Instant.parse("2026-11-30T07:00:00Z")).stream()
                .filter(e -> e.startsWith("delhi")).toList(), "07:00Z is 12:30 in Delhi: their hour");
    }
}
