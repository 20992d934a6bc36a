package com.podcastinsights.cli;

import com.podcastinsights.json.Json;
import com.podcastinsights.config.Settings;
import com.podcastinsights.feed.PollLimits;
import com.podcastinsights.stage.FetchFeedsStage;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.Fixtures;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.LoopbackServer;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.local.DeliveryReport;
import com.podcastinsights.local.InProcessEventBus;
import com.podcastinsights.local.TemplateRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local bus, routing by template.yaml's own rules, takes a fanned-out batch back to FetchFeeds. */
class FeedBatchRoutingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);

    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Path root() {
        Path p = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p.resolve("template.yaml")), "no template.yaml at " + p);
        return p;
    }

    private static String invoke(FetchFeedsHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchEventsAreRoutedBackToFetchFeedsAndPollEveryFeedOnce() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String path = "/feed-" + i + ".xml";
            server.content(path, "application/rss+xml", Fixtures.bytes("feeds/rss.xml"));
            new FeedRepository(table).add(server.uri(path).toString(), null);
            paths.add(path);
        }
        Map<String, Integer> elsewhere = new TreeMap<>();
        FetchFeedsHandler[] fetch = new FetchFeedsHandler[1];
        InProcessEventBus bus = new InProcessEventBus(TemplateRoutes.load(root().resolve("template.yaml")), cls -> {
            if (cls.equals(FetchFeedsHandler.class.getName())) return json -> invoke(fetch[0], json);
            return json -> elsewhere.merge(cls.substring(cls.lastIndexOf('.') + 1), 1, Integer::sum);
        }, CLOCK);
        fetch[0] = LocalStages.fetchFeeds(new LocalPorts(new InMemoryBlobStore(), table, null, bus,
                new SafeHttpClient(HttpPolicy.local()), CLOCK, Settings.defaults()),
                new FetchFeedsStage.Config(2, PollLimits.defaults()));

        String summary = invoke(fetch[0], Files.readString(root().resolve("events/fetch-feeds-schedule.json")));
        DeliveryReport report = bus.drain();

        assertEquals(3, Json.MAPPER.readTree(summary).get("batches").asInt()); // ceil(5 / 2)
        assertTrue(report.ok(), report.toString());
        assertEquals(3, report.deliveriesTo("FetchFeedsFunction"));
        assertEquals(paths, server.requests().stream().map(LoopbackServer.Request::path).sorted().toList());
        // every new episode (3 per feed) goes on to FetchTranscript, once
        assertEquals(Map.of("FetchTranscriptHandler", 15), elsewhere);
    }
}
