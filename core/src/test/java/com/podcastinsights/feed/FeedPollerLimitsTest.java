package com.podcastinsights.feed;

import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one poll may do for one feed (issue 13, items 1 and 2): a cap on new episodes per feed, the time budget
 * checked inside every loop, the feed's state saved even when it was cut short, and only episodes inside the
 * freshness window announced.
 */
class FeedPollerLimitsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final LoopbackServer flood = new LoopbackServer();
    private final LoopbackServer honest = new LoopbackServer();
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingPublisher events = new RecordingPublisher();
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        flood.close();
        honest.close();
    }

    /** {@code count} items, the first {@code fresh} published an hour before NOW, the others in 2021. */
    static byte[] feed(String title, int count, int fresh) {
        StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>").append(title).append("</title>");
        for (int i = 0; i < count; i++) {
            Instant published = i < fresh ? NOW.minus(Duration.ofHours(1)) : Instant.parse("2021-03-01T09:00:00Z").plusSeconds(i);
            b.append("<item><guid>").append(title).append('-').append(i).append("</guid><title>Episode ").append(i)
                    .append("</title><pubDate>").append(RFC_822.format(published)).append("</pubDate></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String subscribe(LoopbackServer server, byte[] body) {
        server.content("/feed.xml", "application/rss+xml", body);
        String url = server.uri("/feed.xml").toString();
        feeds.add(url, null);
        return FeedRepository.idFor(url);
    }

    private FeedPoller poller(Clock clock) {
        return new FeedPoller(feeds, episodes, new InMemoryBlobStore(), events, new SafeHttpClient(HttpPolicy.local()),
                clock, 4, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private long announced(String feedId) {
        return events.published(PipelineEvents.EPISODE_DISCOVERED).stream()
                .filter(e -> e.detailJson().contains(feedId)).count();
    }

    /** A clock that moves a second each time it is read: a poll that never looks at it never stops. */
    private static Clock ticking() {
        AtomicLong reads = new AtomicLong();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusSeconds(reads.getAndIncrement());
            }
        };
    }

    @Test
    void aFeedOfManyNewItemsRecordsAndAnnouncesOnlyTheCapAndTheNextPollGoesOn() {
        String floodId = subscribe(flood, feed("flood", 500, 500));
        String honestId = subscribe(honest, feed("honest", 2, 2));

        PollReport first = poller(Clock.fixed(NOW, ZoneOffset.UTC)).pollAll();

        int cap = PollLimits.DEFAULT_MAX_NEW_PER_FEED;
        assertEquals(cap, episodes.listByFeed(floodId).size(), "no more than the cap recorded");
        assertEquals(cap, announced(floodId), "no more than the cap announced");
        assertEquals(2, announced(honestId), "the honest feed of the same poll is processed");
        assertEquals(1, first.capped());
        Feed cut = feeds.find(floodId).orElseThrow();
        assertEquals(NOW.toString(), cut.lastSuccessAt(), "its state is saved, so it goes last next time");
        assertNull(cut.contentSha256(), "not marked as read: the next poll reads it again");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("the rest on the next poll"), log.toString());

        poller(Clock.fixed(NOW, ZoneOffset.UTC)).pollAll();
        assertEquals(2 * cap, episodes.listByFeed(floodId).size(), "the next poll records the next share");
        assertEquals(2 * cap, announced(floodId));
    }

    @Test
    void theTimeBudgetIsCheckedWhileAFeedIsRecordedNotOnlyBeforeItsDownload() {
        // Under the cap, so only the time share can stop it: every write reads the clock, which moves 1 s a read.
        String floodId = subscribe(flood, feed("flood", 90, 90));
        String honestId = subscribe(honest, feed("honest", 2, 2));

        PollReport report = poller(ticking()).pollAll(feeds.list(), NOW.plus(Duration.ofHours(1)));

        int recorded = episodes.listByFeed(floodId).size();
        assertTrue(recorded > 0 && recorded <= PollLimits.DEFAULT_PER_FEED.toSeconds(),
                "recording stops at the feed's time share: " + recorded);
        assertEquals(2, episodes.listByFeed(honestId).size(), "the honest feed gets its own share");
        assertEquals(1, report.capped());
        assertNotNull(feeds.find(floodId).orElseThrow().lastSuccessAt(), "cut short, but its state is saved");
    }

    @Test
    void theBacklogIsAnnouncedWithinOneFeedsShare() {
        String feedId = FeedRepository.idFor("https://backlog.example/feed.xml");
        for (int i = 0; i < 200; i++) {
            Episode e = new Episode(feedId, EpisodeRepository.idFor(feedId, "b" + i), "b" + i, "Show", "Ep " + i,
                    NOW.toString(), null, null, null, java.util.List.of(), null, NOW.toString());
            episodes.recordUnannounced(e);
        }

        poller(ticking()).pollAll(java.util.List.of(), NOW.plus(Duration.ofHours(1)));

        long out = events.published(PipelineEvents.EPISODE_DISCOVERED).size();
        assertTrue(out > 0 && out < 200, "the backlog stops at one feed's share: " + out);
        assertEquals(200 - out, episodes.listUnannounced().size(), "the rest waits for the next run");
    }

    @Test
    void aNewFeedsBackCatalogueIsRecordedButOnlyRecentEpisodesAreAnnounced() {
        // 61 items: one from an hour ago, one undated (discovered now), 59 from 2021
        byte[] body = feed("show", 60, 1);
        String xml = new String(body, StandardCharsets.UTF_8)
                .replace("</channel>", "<item><guid>undated</guid><title>No date</title></item></channel>");
        String feedId = subscribe(flood, xml.getBytes(StandardCharsets.UTF_8));

        PollReport report = poller(Clock.fixed(NOW, ZoneOffset.UTC)).pollAll();

        assertEquals(61, episodes.listByFeed(feedId).size(), "every item is recorded, so none is new later");
        assertEquals(2, announced(feedId), "only the recent and the undated one are announced");
        assertEquals(59, report.backCatalogue());
        assertTrue(episodes.listUnannounced().isEmpty(), "the back catalogue is not left for the backlog either");

        // the same items again, in a changed document: still nothing more to announce
        flood.content("/feed.xml", "application/rss+xml", xml.replace("<title>show</title>", "<title>Show</title>")
                .getBytes(StandardCharsets.UTF_8));
        poller(Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC)).pollAll();
        assertEquals(2, announced(feedId));
    }
}
