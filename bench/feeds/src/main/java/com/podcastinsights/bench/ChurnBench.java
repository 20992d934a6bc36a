package com.podcastinsights.bench;

import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedPoller;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.PollLimits;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.ForwardingTable;
import com.podcastinsights.store.Keys;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * {@code make bench-churn} (issue 16): DynamoDB write units of an hourly FetchFeeds poll of 1,000 feeds of 300
 * items where 15% changed (one new episode each, the oldest item leaving the document), before and after the
 * known-items set, in the same run against the same loopback server. "Before" is the same poller over a table
 * that never holds a feed's known set, so every item of a changed document is a conditional put: the code path
 * of every poll before issue 16. Units are billed by {@link WriteUnitMeter} as DynamoDB on-demand bills them.
 */
public final class ChurnBench {
    private static final int FEEDS = 1_000;
    private static final int ITEMS = 300;
    private static final int CHANGED_PER_HOUR = FEEDS * 15 / 100;
    private static final int HOURS = 4;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** Item i of every feed was published i hours after this, so the newest is fresh and new ones are announced. */
    private final Instant firstItem = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(ITEMS, ChronoUnit.HOURS);
    private final AtomicIntegerArray newest = new AtomicIntegerArray(FEEDS);

    private record Variant(String name, WriteUnitMeter meter, FeedPoller poller) {
    }

    private record Row(String round, String variant, PollReport report, long writeUnits, long writeRequests,
                       long readUnits, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        // The JDK server otherwise waits ~40 ms on each 200 (Nagle against the client's delayed ACK).
        Path out = Path.of(args.length > 0 ? args[0] : "bench/feeds/target/churn-bench.md");
        String report = new ChurnBench().run();
        System.out.print(report);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private byte[] body(int feed) throws java.io.IOException {
        StringWriter w = new StringWriter(ITEMS * 1_100);
        SyntheticFeeds.window(w, "show" + feed, newest.get(feed), ITEMS,
                i -> RFC_822.format(firstItem.plus(i, ChronoUnit.HOURS)));
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    String run() throws Exception {
        for (int i = 0; i < FEEDS; i++) newest.set(i, ITEMS - 1);
        LoopbackFeeds server = new LoopbackFeeds(n -> String.valueOf(newest.get(n)), n -> {
            try {
                return body(n);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, (full, n) -> { });
        try {
            String base = server.base();
            Variant before = variant("before: every item a conditional put", base, true);
            Variant after = variant("after: known items skipped", base, false);
            List<Row> rows = new ArrayList<>();
            rows.add(poll("first poll (ingest)", before));
            rows.add(poll("first poll (ingest)", after));
            for (int hour = 1; hour <= HOURS; hour++) {
                for (int k = 0; k < CHANGED_PER_HOUR; k++) newest.incrementAndGet(((hour - 1) * CHANGED_PER_HOUR + k) % FEEDS);
                String round = "hour " + hour + " (15% changed)";
                // alternate which goes first, so neither always meets a warmer JIT
                if (hour % 2 == 1) {
                    rows.add(poll(round, before));
                    rows.add(poll(round, after));
                } else {
                    Row a = poll(round, after);
                    rows.add(poll(round, before));
                    rows.add(a);
                }
            }
            return render(rows);
        } finally {
            server.close();
        }
    }

    private Variant variant(String name, String base, boolean forgetful) {
        WriteUnitMeter meter = new WriteUnitMeter(new InMemoryTable());
        Table table = forgetful ? new WithoutKnownSets(meter) : meter;
        FeedRepository feeds = new FeedRepository(table);
        for (int i = 0; i < FEEDS; i++) feeds.add(base + i + ".xml", null);
        // Production limits, but a cap of 300 new episodes so the ingest is one poll (the hourly polls find one).
        PollLimits limits = new PollLimits(ITEMS, PollLimits.DEFAULT_FRESHNESS, PollLimits.DEFAULT_PER_FEED);
        FeedPoller poller = new FeedPoller(feeds, new EpisodeRepository(table), new PollBench.NullBlobs(), events -> { },
                new SafeHttpClient(HttpPolicy.local()), Clock.systemUTC(), FeedPoller.DEFAULT_CONCURRENCY,
                FeedPoller.DEFAULT_PER_HOST, new PrintStream(OutputStream.nullOutputStream()), limits);
        return new Variant(name, meter, poller);
    }

    private static Row poll(String round, Variant v) {
        v.meter().reset();
        long t0 = System.nanoTime();
        PollReport report = v.poller().pollAll();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Row(round, v.name(), report, v.meter().writeUnits(), v.meter().writeRequests(),
                v.meter().readUnits(), seconds);
    }

    private static String render(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("JVM %s, %d CPUs; %,d feeds of %d items, %d changed an hour (one new episode each); "
                        + "conditional GET (the rest answer 304)%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), FEEDS, ITEMS, CHANGED_PER_HOUR));
        b.append("| round | variant | 200 / 304 | new episodes | write units | write requests | read units | seconds |\n");
        b.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            int full = r.report().feeds() - r.report().notModified() - r.report().failed();
            b.append(String.format("| %s | %s | %d / %d | %,d | %,d | %,d | %,d | %.1f |%n", r.round(), r.variant(),
                    full, r.report().notModified(), r.report().newEpisodes(), r.writeUnits(), r.writeRequests(),
                    r.readUnits(), r.seconds()));
        }
        long beforeUnits = 0;
        long afterUnits = 0;
        for (Row r : rows) {
            if (!r.round().startsWith("hour")) continue;
            if (r.variant().startsWith("before")) beforeUnits += r.writeUnits();
            else afterUnits += r.writeUnits();
        }
        b.append(String.format("%nHourly polls, write units per poll: before %,.0f, after %,.0f: **%.1fx fewer**%n",
                beforeUnits / (double) HOURS, afterUnits / (double) HOURS, beforeUnits / (double) afterUnits));
        return b.toString();
    }

    /** The table as FetchFeeds had it before issue 16: no known-items set is ever read or kept. */
    private static final class WithoutKnownSets extends ForwardingTable {
        WithoutKnownSets(Table inner) {
            super(inner);
        }

        private static boolean known(String sk) {
            return Keys.KNOWN_EPISODES_SK.equals(sk);
        }

        @Override public void put(Item item) { if (!known(item.sk())) inner.put(item); }
        @Override public Optional<Item> get(String pk, String sk) { return known(sk) ? Optional.empty() : inner.get(pk, sk); }
        @Override public void delete(String pk, String sk) { if (!known(sk)) inner.delete(pk, sk); }
    }

}
