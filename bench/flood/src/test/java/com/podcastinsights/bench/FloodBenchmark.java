package com.podcastinsights.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.podcastinsights.stage.FetchFeedsStage;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.feed.PollBudget;
import com.podcastinsights.feed.PollLimits;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Table;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's flood: one feed of {@code bench.floodItems} (default 100,000) new items beside 249 honest feeds, in
 * one FetchFeeds batch (the real handler, a Feed Batch Requested event, a Lambda context with the template's 300 s
 * timeout) against moto's DynamoDB, S3 and EventBridge, feeds served on loopback. The same batch with a 250th
 * honest feed instead of the flood runs first, in the same run, as the baseline.
 *
 * <p>Checks: every honest feed is processed (health saved, its episodes recorded and announced), the flooding feed
 * records and announces no more than the per-feed cap, and the run ends before its timeout. Reports the run times
 * (flood and baseline, and their ratio), when the last honest feed was done in each, and the longest one feed
 * held the single writer. Run: {@code make bench-flood}.
 */
class FloodBenchmark {
    private static final int FEEDS = 250;
    private static final int HONEST_ITEMS = 3;
    private static final int TIMEOUT_MS = 300_000; // FetchFeedsFunction's Timeout in template.yaml
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern FEED_LINE = Pattern.compile("^fetch-feeds: ([0-9a-f]{16}) ");

    record Run(double seconds, double lastHonestDoneSeconds, double longestHoldSeconds, String longestHoldFeed,
               int honestProcessed, int honestAnnounced, int floodRecorded, int floodAnnounced, String summary,
               double floodFeedSeconds) {
    }

    @Test
    void oneFloodingFeedDoesNotStallItsBatch() throws Exception {
        int floodItems = Integer.getInteger("bench.floodItems", 100_000);
        AwsEmulator aws = AwsEmulator.get();
        try (LoopbackServer server = new LoopbackServer()) {
            Instant now = Instant.now();
            byte[] flood = feed("flood", floodItems, now);
            Run baseline = run(aws, server, null, now);
            Run flooded = run(aws, server, flood, now);

            String report = String.format(Locale.ROOT, """
                            flood benchmark: one FetchFeeds batch of %d feeds against moto (%s), timeout %d s
                              flooding feed               %,d new items, %,d bytes (cap %d new episodes per feed, %d s per feed)
                                                          baseline (250 honest)   flood (249 honest + 1)
                              run time                    %8.1f s              %8.1f s   ratio %.2f
                              last honest feed done at    %8.1f s              %8.1f s
                              longest one feed held the   %8.1f s              %8.1f s   (%s)
                                single writer
                              flooding feed processed in                           %8.1f s
                              honest feeds processed      %8d                %8d
                              honest episodes announced   %8d                %8d
                              flood episodes recorded                          %8d
                              flood episodes announced                         %8d
                              summary (flood)             %s
                            """, FEEDS, aws.endpoint(), TIMEOUT_MS / 1000, floodItems, flood.length,
                    PollLimits.DEFAULT_MAX_NEW_PER_FEED, PollLimits.DEFAULT_PER_FEED.toSeconds(),
                    baseline.seconds(), flooded.seconds(), flooded.seconds() / baseline.seconds(),
                    baseline.lastHonestDoneSeconds(), flooded.lastHonestDoneSeconds(),
                    baseline.longestHoldSeconds(), flooded.longestHoldSeconds(), flooded.longestHoldFeed(),
                    flooded.floodFeedSeconds(),
                    baseline.honestProcessed(), flooded.honestProcessed(),
                    baseline.honestAnnounced(), flooded.honestAnnounced(),
                    flooded.floodRecorded(), flooded.floodAnnounced(), flooded.summary());
            System.out.println(report);
            Path out = Path.of("target", "flood-bench.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);

            assertEquals(FEEDS, baseline.honestProcessed());
            assertEquals(FEEDS - 1, flooded.honestProcessed(), "every honest feed is processed");
            assertEquals((FEEDS - 1) * HONEST_ITEMS, flooded.honestAnnounced(), "and announced");
            assertTrue(flooded.floodRecorded() <= PollLimits.DEFAULT_MAX_NEW_PER_FEED);
            assertTrue(flooded.floodAnnounced() <= PollLimits.DEFAULT_MAX_NEW_PER_FEED);
            assertTrue(flooded.longestHoldSeconds() <= PollLimits.DEFAULT_PER_FEED.toSeconds() + 5,
                    "no feed holds the writer much past its share (parsing is not interruptible)");
            assertTrue(flooded.seconds() * 1000 < TIMEOUT_MS - PollBudget.FINISH_MARGIN.toMillis(),
                    "the run ends before its timeout");
        }
    }

    /** One batch: 250 honest feeds, or 249 and the flood ({@code flood} not null). */
    private Run run(AwsEmulator aws, LoopbackServer server, byte[] flood, Instant now) throws Exception {
        aws.reset();
        aws.createTable("bench");
        aws.createBucket("bench");
        aws.eventBridge().createEventBus(b -> b.name("bench-bus"));
        Table table = new DynamoDbTable(aws.dynamoDb(), "bench");
        FeedRepository feeds = new FeedRepository(table);
        String tag = flood == null ? "base" : "flood";
        List<String> ids = new ArrayList<>();
        String floodId = null;
        for (int i = 0; i < FEEDS; i++) {
            boolean isFlood = flood != null && i == FEEDS / 2;
            String path = "/" + tag + "/" + i + ".xml";
            server.content(path, "application/rss+xml", isFlood ? flood : feed(tag + "-h" + i, HONEST_ITEMS, now));
            String url = server.uri(path).toString();
            feeds.add(url, null);
            ids.add(FeedRepository.idFor(url));
            if (isFlood) floodId = FeedRepository.idFor(url);
        }
        Map<String, AtomicInteger> announced = new ConcurrentHashMap<>();
        EventBridgePublisher bus = new EventBridgePublisher(aws.eventBridgeJson(), "bench-bus");
        EventPublisher counting = events -> {
            bus.publish(events);
            events.forEach(e -> {
                Matcher m = Pattern.compile("\"feedId\":\"([0-9a-f]{16})\"").matcher(e.detailJson());
                if (m.find()) announced.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
            });
        };
        var blobs = new S3BlobStore(aws.s3(), "bench");
        var http = new SafeHttpClient(HttpPolicy.local());
        String event = "{\"version\":\"0\",\"id\":\"bench\",\"detail-type\":\"Feed Batch Requested\","
                + "\"source\":\"podcast-insights\",\"time\":\"" + now + "\",\"detail\":{\"feedIds\":[\""
                + String.join("\",\"", ids) + "\"],\"batchIndex\":0,\"batchCount\":1,\"scheduledTime\":\"" + now + "\"}}";

        // The poller logs one line per feed when it is done with it, on the single writer thread: the time between
        // two lines bounds how long one feed held the writer.
        List<long[]> doneAt = new ArrayList<>();
        List<String> doneFeed = new ArrayList<>();
        long t0 = System.nanoTime();
        PrintStream originalErr = System.err;
        PrintStream timestamps = new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                Matcher m = FEED_LINE.matcher(text);
                if (m.find()) {
                    doneAt.add(new long[] {System.nanoTime() - t0});
                    doneFeed.add(m.group(1));
                }
            }
        }, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        Context context = lambdaContext(t0);
        System.setErr(timestamps);
        try {
            // built after System.err is replaced: the poller keeps the stream it is given
            FetchFeedsHandler handler = new FetchFeedsHandler(FetchFeedsStage.build(
                    new FetchFeedsStage.Config(FEEDS, PollLimits.defaults()), table, blobs, counting, http,
                    Clock.systemUTC()), Clock.systemUTC());
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), summary, context);
        } finally {
            System.setErr(originalErr);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        double lastHonest = 0;
        double longest = 0;
        String longestFeed = "";
        double floodSeconds = 0;
        for (int i = 0; i < doneAt.size(); i++) {
            double at = doneAt.get(i)[0] / 1e9;
            double held = at - (i == 0 ? 0 : doneAt.get(i - 1)[0] / 1e9);
            boolean isFlood = doneFeed.get(i).equals(floodId);
            if (!isFlood) lastHonest = Math.max(lastHonest, at);
            if (isFlood) floodSeconds = held;
            if (held > longest) {
                longest = held;
                longestFeed = isFlood ? "the flooding feed" : "an honest feed";
            }
        }
        EpisodeRepository episodes = new EpisodeRepository(table);
        int honestProcessed = 0;
        int honestAnnounced = 0;
        for (String id : ids) {
            if (id.equals(floodId)) continue;
            Feed f = feeds.find(id).orElseThrow();
            if (f.lastSuccessAt() != null && f.lastError() == null
                    && episodes.listByFeed(id).size() == HONEST_ITEMS) honestProcessed++;
            honestAnnounced += announced.getOrDefault(id, new AtomicInteger()).get();
        }
        int floodRecorded = floodId == null ? 0 : episodes.listByFeed(floodId).size();
        int floodAnnounced = floodId == null ? 0 : announced.getOrDefault(floodId, new AtomicInteger()).get();
        return new Run(seconds, lastHonest, longest, longestFeed, honestProcessed, honestAnnounced, floodRecorded,
                floodAnnounced, summary.toString(StandardCharsets.UTF_8), floodSeconds);
    }

    /** A Lambda context whose remaining time runs down from the template's timeout. */
    private static Context lambdaContext(long startNanos) {
        return (Context) Proxy.newProxyInstance(FloodBenchmark.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                        ? (int) (TIMEOUT_MS - (System.nanoTime() - startNanos) / 1_000_000) : null);
    }

    /** {@code items} items published ten minutes before {@code now}, all new. */
    static byte[] feed(String name, int items, Instant now) {
        String date = RFC_822.format(now.minusSeconds(600));
        StringBuilder b = new StringBuilder(items * 80 + 200)
                .append("<rss version=\"2.0\"><channel><title>").append(name).append("</title>");
        for (int i = 0; i < items; i++) {
            b.append("<item><guid>").append(name).append('-').append(i).append("</guid><pubDate>").append(date)
                    .append("</pubDate></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
