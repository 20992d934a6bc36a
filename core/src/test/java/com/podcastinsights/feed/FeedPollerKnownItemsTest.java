package com.podcastinsights.feed;

import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.ForwardingTable;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: a changed feed costs writes only for the items not seen before. The poller keeps the ids of the
 * document's recorded items beside the feed and skips those without a write; the set is saved only after the
 * items' writes, so a crash or a lost set costs conditional puts, never an episode.
 */
class FeedPollerKnownItemsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    private final LoopbackServer server = new LoopbackServer();
    private final InMemoryTable memory = new InMemoryTable();
    private final FlakyKnownSet table = new FlakyKnownSet(memory);
    private final RecordingPublisher events = new RecordingPublisher();
    private final FeedRepository feeds = new FeedRepository(table);
    private final EpisodeRepository episodes = new EpisodeRepository(table);
    private final FeedPoller poller = poller(500);

    /** Limits wide enough that one poll records a whole test feed. */
    private FeedPoller poller(int maxNew) {
        return new FeedPoller(feeds, episodes, new InMemoryBlobStore(), events, new SafeHttpClient(HttpPolicy.local()),
                Clock.fixed(NOW, ZoneOffset.UTC), 2, 4,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PollLimits(maxNew, PollLimits.DEFAULT_FRESHNESS, Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A feed of {@code count} items named {@code show-0} (newest) to {@code show-(count-1)}, plus {@code extra}. */
    private void serve(int count, String... extra) {
        String body = new String(FeedPollerLimitsTest.feed("show", count, count), StandardCharsets.UTF_8);
        StringBuilder added = new StringBuilder();
        for (String guid : extra) added.append("<item><guid>").append(guid).append("</guid><title>").append(guid)
                .append("</title></item>");
        server.content("/feed.xml", "application/rss+xml",
                body.replace("</channel>", added + "</channel>").getBytes(StandardCharsets.UTF_8));
    }

    private String subscribe() {
        String url = server.uri("/feed.xml").toString();
        feeds.add(url, null);
        return FeedRepository.idFor(url);
    }

    private int writesDuring(Runnable poll) {
        int before = memory.writeRequests();
        poll.run();
        return memory.writeRequests() - before;
    }

    @Test
    void aChangedFeedOfThreeHundredItemsWritesOnlyItsNewItem() {
        serve(300);
        String feedId = subscribe();
        poller.pollAll();
        assertEquals(300, episodes.knownIds(feedId).size());

        serve(300, "new-one");
        int[] found = new int[1];
        int writes = writesDuring(() -> found[0] = poller.pollAll().newEpisodes());

        assertEquals(1, found[0]);
        // the new item's put, its announcement, the feed's health and the known set: not one put per item
        assertEquals(4, writes);
        assertEquals(301, episodes.knownIds(feedId).size());
        assertEquals(301, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
    }

    @Test
    void aChangeWithNoNewItemWritesOnlyTheFeedsHealth() {
        serve(300);
        subscribe();
        poller.pollAll();

        serve(299); // the oldest item left the document: the set shrinks with it
        assertEquals(2, writesDuring(poller::pollAll), "health and the smaller known set");
        serve(299, "show-1"); // a duplicate guid the parser drops: a body that changed, no new item
        assertEquals(1, writesDuring(poller::pollAll), "health only");
    }

    @Test
    void aCrashBeforeTheKnownSetIsSavedLosesNoItemAndAnnouncesNoneTwice() {
        serve(20);
        String feedId = subscribe();
        table.failKnownWrites = true; // the run dies (or the write fails) after the items are written
        poller.pollAll();
        assertEquals(Set.of(), episodes.knownIds(feedId));
        assertEquals(20, episodes.listByFeed(feedId).size());

        table.failKnownWrites = false;
        serve(20, "after-the-crash");
        PollReport next = poller.pollAll();

        assertEquals(1, next.newEpisodes(), "the 20 known ones are absorbed by their conditional puts");
        assertEquals(21, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
        assertEquals(21, episodes.knownIds(feedId).size());
    }

    @Test
    void aStaleKnownSetOnlyCostsConditionalPuts() {
        serve(5);
        String feedId = subscribe();
        poller.pollAll();
        episodes.rememberKnown(feedId, List.of()); // an older, smaller set, e.g. from a run that overlapped
        serve(5, "new-one");

        PollReport next = poller.pollAll();

        assertEquals(1, next.newEpisodes());
        assertEquals(6, events.published(PipelineEvents.EPISODE_DISCOVERED).size());
        assertEquals(6, episodes.knownIds(feedId).size());
    }

    @Test
    void removingOrReAddingTheFeedDropsItsKnownSet() {
        serve(5);
        String feedId = subscribe();
        poller.pollAll();
        assertFalse(episodes.knownIds(feedId).isEmpty());

        feeds.remove(feedId);
        assertTrue(memory.all().stream().noneMatch(i -> Keys.KNOWN_EPISODES_SK.equals(i.sk())));

        episodes.rememberKnown(feedId, List.of(EpisodeRepository.idFor(feedId, "show-0"))); // a late writer's set
        subscribe();
        assertEquals(Set.of(), episodes.knownIds(feedId));
    }

    @Test
    void theSetIsBoundedToTheNewestItems() {
        serve(EpisodeRepository.MAX_KNOWN + 10);
        String feedId = subscribe();
        poller(EpisodeRepository.MAX_KNOWN + 10).pollAll();

        Set<String> known = episodes.knownIds(feedId);
        assertEquals(EpisodeRepository.MAX_KNOWN, known.size());
        assertTrue(known.contains(EpisodeRepository.idFor(feedId, "show-0")));
        assertFalse(known.contains(EpisodeRepository.idFor(feedId, "show-" + (EpisodeRepository.MAX_KNOWN + 9))));
    }

    @Test
    void storedIdsReadBackAndGarbageReadsAsNoneKnown() {
        List<String> ids = List.of("0123456789abcdef", "fedcba9876543210");
        assertEquals(ids, List.copyOf(KnownEpisodeIds.decode(KnownEpisodeIds.encode(ids))));
        assertEquals(Set.of(), KnownEpisodeIds.decode("not base64 at all!"));
        assertEquals(Set.of(), KnownEpisodeIds.decode("AAAA")); // three bytes: not whole ids
        assertFalse(KnownEpisodeIds.storable("feed-guid"));
    }

    /** The table, with writes of the known-episodes item failing on demand. */
    private static final class FlakyKnownSet extends ForwardingTable {
        boolean failKnownWrites;

        FlakyKnownSet(Table inner) {
            super(inner);
        }

        @Override public void put(Item item) {
            if (failKnownWrites && Keys.KNOWN_EPISODES_SK.equals(item.sk())) {
                throw new IllegalStateException("injected: known set not written");
            }
            inner.put(item);
        }
    }

}
