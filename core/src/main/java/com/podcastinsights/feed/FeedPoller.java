package com.podcastinsights.feed;

import com.podcastinsights.ids.Sha256;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.http.HttpResult;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.PipelineEvent;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Polls every subscribed feed once: conditional GET, raw copy to the bucket, new items recorded, one
 * {@code Episode Discovered} per new episode.
 *
 * <p>Downloads run on virtual threads, a few at a time; everything that touches the table, bucket and bus
 * runs on the calling thread, one feed after another, so adapters need not be thread safe.
 *
 * <p>An episode is recorded as unannounced before its event is published and marked announced after, so
 * a crash or a bus failure in between leaves it to the next run, which starts by announcing that backlog,
 * instead of losing it. Consumers are idempotent, so the rare duplicate is harmless.
 */
public final class FeedPoller {
    /** EventBridge accepts at most ten entries per PutEvents call. */
    static final int PUBLISH_BATCH = 10;
    /** Backlog episodes announced per run at most; the index is read no further, the rest waits for the next run. */
    static final int MAX_BACKLOG = 500;
    private static final int MAX_ERROR_CHARS = 500;
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Feeds never fetched first, then the longest ago: the ones a run skips go first in the next. */
    public static final Comparator<Feed> LEAST_RECENTLY_FETCHED_FIRST =
            Comparator.comparing(Feed::lastSuccessAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final FeedRepository feeds;
    private final EpisodeRepository episodes;
    private final BlobStore blobs;
    private final EventPublisher events;
    private final SafeHttpClient http;
    private final Clock clock;
    private final FeedParser parser = new FeedParser();
    private final int concurrency;
    private final int perHost;
    private final PrintStream progress;
    private final PollLimits limits;

    /**
     * Feeds in flight at once, over all hosts (downloading, or downloaded and waiting to be processed). Most of
     * a fetch is waiting on the network; 32 bodies at the 16 MB cap are 512 MB, half the function's memory.
     */
    public static final int DEFAULT_CONCURRENCY = 32;
    /** Downloads in flight to one host: many feeds share a host (Libsyn, Anchor), which must not feel it. */
    public static final int DEFAULT_PER_HOST = 4;

    public FeedPoller(FeedRepository feeds, EpisodeRepository episodes, BlobStore blobs, EventPublisher events,
                      SafeHttpClient http, Clock clock) {
        this(feeds, episodes, blobs, events, http, clock, DEFAULT_CONCURRENCY, System.err);
    }

    public FeedPoller(FeedRepository feeds, EpisodeRepository episodes, BlobStore blobs, EventPublisher events,
                      SafeHttpClient http, Clock clock, int concurrency, PrintStream progress) {
        this(feeds, episodes, blobs, events, http, clock, concurrency, DEFAULT_PER_HOST, progress);
    }

    public FeedPoller(FeedRepository feeds, EpisodeRepository episodes, BlobStore blobs, EventPublisher events,
                      SafeHttpClient http, Clock clock, int concurrency, int perHost, PrintStream progress) {
        this(feeds, episodes, blobs, events, http, clock, concurrency, perHost, progress, PollLimits.defaults());
    }

    public FeedPoller(FeedRepository feeds, EpisodeRepository episodes, BlobStore blobs, EventPublisher events,
                      SafeHttpClient http, Clock clock, int concurrency, int perHost, PrintStream progress,
                      PollLimits limits) {
        this.limits = limits;
        this.perHost = Math.max(1, perHost);
        this.feeds = feeds;
        this.episodes = episodes;
        this.blobs = blobs;
        this.events = events;
        this.http = http;
        this.clock = clock;
        this.concurrency = Math.max(1, concurrency);
        this.progress = progress;
    }

    public PollReport pollAll() {
        return pollAll(null);
    }

    /**
     * Polls every feed, starting no download after {@code startBy} (null: no budget): a feed not started in time
     * is skipped, neither fetched nor marked failed, so the run ends cleanly inside the function's timeout.
     * Feeds go least recently fetched first, so the ones skipped today are the first tomorrow.
     */
    public PollReport pollAll(Instant startBy) {
        return pollAll(feeds.list(), startBy);
    }

    /** As {@link #pollAll(Instant)}, for a caller that has listed the feeds already. */
    public PollReport pollAll(List<Feed> all, Instant startBy) {
        return poll(all, PollBudget.startingBy(startBy), true);
    }

    /** As {@link #pollAll(List, Instant)}, with the whole budget of the invocation. */
    public PollReport pollAllWithin(List<Feed> all, PollBudget budget) {
        return poll(all, budget, true);
    }

    /**
     * Polls exactly the given feeds (one batch of a fanned-out run). The unannounced backlog is left to the
     * scheduled run: every batch runs at once, and each announcing the same backlog would multiply it.
     */
    public PollReport pollBatch(List<Feed> batch, Instant startBy) {
        return poll(batch, PollBudget.startingBy(startBy), false);
    }

    /** As {@link #pollBatch(List, Instant)}, with the whole budget of the invocation. */
    public PollReport pollBatchWithin(List<Feed> batch, PollBudget budget) {
        return poll(batch, budget, false);
    }

    /** Announces only the backlog of episodes an earlier run recorded but could not announce. */
    public PollReport announceBacklog() {
        return announceBacklog(PollBudget.NONE);
    }

    /** As {@link #announceBacklog()}, within one feed's time share and the budget. */
    public PollReport announceBacklog(PollBudget budget) {
        Tally tally = new Tally();
        announceBacklog(tally, budget);
        return new PollReport(0, 0, 0, 0, tally.announced, tally.publishFailures, 0);
    }

    private PollReport poll(List<Feed> feedsToPoll, PollBudget budget, boolean withBacklog) {
        List<Feed> all = new ArrayList<>(feedsToPoll);
        all.sort(LEAST_RECENTLY_FETCHED_FIRST);
        Tally tally = new Tally();
        // Backlog first: episodes an earlier run recorded but could not announce.
        if (withBacklog) announceBacklog(tally, budget);
        // One permit per body held in memory, from the start of its download until it has been processed, so
        // fast downloads cannot pile up unprocessed feeds (up to 16 MB each) ahead of the single writer.
        Semaphore slots = new Semaphore(concurrency);
        Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // Results are processed as they complete, not in list order: a slow feed must not hold the slots
            // of the finished ones behind it.
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (Feed feed : all) {
                done.submit(() -> download(feed, hosts, slots, budget));
            }
            for (int i = 0; i < all.size(); i++) {
                Outcome o;
                try {
                    o = done.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while polling feeds", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("feed download crashed: " + e.getCause(), e.getCause());
                }
                try {
                    // Downloaded, but too late to write: left whole to the next run rather than half done.
                    if (o.skipped() || budget.tooLateToWrite(clock.instant())) {
                        tally.skipped++;
                        continue;
                    }
                    Instant feedDeadline = budget.forOneFeed(clock.instant(), limits.perFeed());
                    List<Episode> fresh = process(o.feed(), o.result(), o.failure(), tally, feedDeadline);
                    // What was recorded is announced now if the run has time: at most the per-feed cap of episodes,
                    // and an episode announced later waits for the next scheduled run's backlog.
                    announce(fresh, tally, o.feed().id() + " " + o.feed().url(), budget.finishBy());
                } finally {
                    if (o.holdsSlot()) slots.release();
                }
            }
        }
        if (tally.skipped > 0) {
            progress.println("fetch-feeds: time budget spent; " + tally.skipped + " feeds left for the next run");
        }
        return new PollReport(all.size(), tally.notModified, tally.failed, tally.newEpisodes, tally.announced,
                tally.publishFailures, tally.skipped, tally.backCatalogue, tally.capped);
    }

    /** One download's result or failure; {@code holdsSlot} when the caller must release its memory slot. */
    private record Outcome(Feed feed, HttpResult result, Exception failure, boolean holdsSlot, boolean skipped) {
        Outcome(Feed feed, HttpResult result, Exception failure, boolean holdsSlot) {
            this(feed, result, failure, holdsSlot, false);
        }
    }

    private Outcome download(Feed feed, Map<String, Semaphore> hosts, Semaphore slots, PollBudget budget) {
        URI uri;
        try {
            uri = URI.create(feed.url());
        } catch (IllegalArgumentException e) {
            return new Outcome(feed, null, e, false);
        }
        Semaphore host = hosts.computeIfAbsent(String.valueOf(uri.getHost()), h -> new Semaphore(perHost));
        try {
            // Host first: a thread waiting on a busy host must not hold one of the global slots.
            host.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(feed, null, e, false);
        }
        try {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(feed, null, e, false);
            }
            if (budget.tooLateToStart(clock.instant())) {
                return new Outcome(feed, null, null, true, true);
            }
            try {
                return new Outcome(feed, http.get(uri, feed.etag(), feed.lastModified()), null, true);
            } catch (Exception e) {
                return new Outcome(feed, null, e, true);
            }
        } finally {
            host.release();
        }
    }

    /**
     * Episodes an earlier run recorded but could not announce; failing here must not stop the polling. Bounded like
     * one feed (at most {@link #MAX_BACKLOG} episodes, one feed's time share), as it runs before any feed does.
     */
    private void announceBacklog(Tally tally, PollBudget budget) {
        Instant deadline = budget.forOneFeed(clock.instant(), limits.perFeed());
        List<Episode> backlog;
        try {
            backlog = episodes.listUnannounced(MAX_BACKLOG);
        } catch (RuntimeException e) {
            tally.publishFailures++;
            progress.println("fetch-feeds: could not read the unannounced backlog, will retry next run: " + describe(e));
            return;
        }
        if (!backlog.isEmpty()) {
            progress.println("fetch-feeds: announcing " + backlog.size() + " episodes left over from an earlier run");
            announce(backlog, tally, "backlog", deadline);
        }
    }

    /**
     * Fetch outcome -> feed health, raw copy, recorded episodes; returns the episodes to announce. The feed's item
     * is only updated, never replaced, and only while it exists; for a feed removed while it was polled, the
     * episodes just recorded are deleted again and nothing is announced.
     */
    private List<Episode> process(Feed feed, HttpResult result, Exception failure, Tally tally, Instant deadline) {
        String now = clock.instant().toString();
        List<Episode> fresh = List.of();
        try {
            if (failure != null) throw failure;
            String content = result.notModified() ? feed.contentSha256() : Sha256.hex(result.body());
            if (result.notModified()) {
                tally.notModified++;
                saveHealth(succeeded(feed, result, null, now, content));
                log(feed, "not modified");
            } else if (content.equals(feed.contentSha256())) {
                // the host sent no validators (or ignored them) but the same bytes: as good as a 304
                tally.notModified++;
                saveHealth(succeeded(feed, result, null, now, content));
                log(feed, "HTTP " + result.status() + ", unchanged since the last fetch (same SHA-256)");
            } else {
                // Parsed before anything is written: a refused or malformed document leaves no trace but the
                // feed's health, and a hostile payload is never stored.
                ParsedFeed parsed = parser.parse(result.body(), result.contentType(), result.finalUri());
                blobs.put(Keys.rawFeedKey(feed.id(), KEY_TIME.format(clock.instant())), result.body(),
                        "application/xml");
                Recorded recorded = record(feed, parsed, now, deadline);
                fresh = recorded.fresh();
                tally.newEpisodes += recorded.recorded();
                tally.backCatalogue += recorded.backCatalogue();
                Feed saved = succeeded(feed, result, parsed, now, content);
                if (recorded.cutShort() != null) {
                    // Not all of it is recorded: no validators and no hash, so the next poll reads it all again
                    // and records the next share. Fetched all the same, so it goes last next time.
                    tally.capped++;
                    saved = new Feed(saved.id(), saved.url(), saved.title(), null, null, saved.lastSuccessAt(), 0, null,
                            saved.transcribe(), null);
                }
                if (!saveHealth(saved)) {
                    // The known set may name what is forgotten here: dropped too, so nothing is skipped on its word.
                    episodes.forgetKnown(feed.id());
                    for (Episode e : recorded.all()) episodes.forget(e.feedId(), e.id());
                    log(feed, "removed while it was polled; the " + recorded.recorded() + " episodes it brought are "
                            + "forgotten, none announced");
                    return List.of();
                }
                if (recorded.knownChanged()) rememberKnown(feed, recorded.known());
                log(feed, "HTTP " + result.status() + ", " + parsed.items().size() + " items, " + recorded.recorded()
                        + " new, " + fresh.size() + " to announce"
                        + (recorded.backCatalogue() > 0 ? ", " + recorded.backCatalogue()
                                + " older than the freshness window (recorded, not announced)" : "")
                        + (recorded.cutShort() != null ? "; stopped at " + recorded.cutShort()
                                + ", the rest on the next poll" : "")
                        + (!saved.url().equals(feed.url()) ? ", moved to " + saved.url() : ""));
            }
        } catch (Exception e) {
            // One broken feed must not stop the others: record why and carry on.
            tally.failed++;
            try {
                saveHealth(failed(feed, e));
            } catch (RuntimeException saveFailure) {
                e.addSuppressed(saveFailure);
            }
            log(feed, "FAILED: " + capped(describe(e)));
        }
        return fresh;
    }

    /**
     * After the items' writes: a set that fails to save costs the next changed document conditional puts for what it
     * lacks, not the feed's health or the episodes just recorded.
     */
    private void rememberKnown(Feed feed, List<String> known) {
        try {
            episodes.rememberKnown(feed.id(), known);
        } catch (RuntimeException e) {
            log(feed, "known items not saved, the next change re-checks them with conditional puts: " + describe(e));
        }
    }

    /** A poll's write of the feed's health; false when the feed was removed meanwhile. */
    private boolean saveHealth(Feed polled) {
        return feeds.recordPoll(polled);
    }

    /**
     * What {@link #record} did: the episodes to announce, every episode recorded, how many of those were back
     * catalogue, why it stopped before the end of the feed (null when it did not), and the feed's known set after
     * it ({@code known}, newest first; {@code knownChanged} when it differs from the one read).
     */
    private record Recorded(List<Episode> fresh, List<Episode> all, int backCatalogue, String cutShort,
                            List<String> known, boolean knownChanged) {
        int recorded() {
            return all.size();
        }
    }

    /**
     * Records the feed's new items, newest first, up to the per-feed cap and until {@code deadline}. An item in the
     * feed's known set is skipped without a write (issue 16: a changed feed costs writes only for items not seen
     * before); any other is a conditional put, which a known episode fails. Items published before the freshness
     * window are recorded as back catalogue, never announced; undated ones count as published now, when they are
     * discovered.
     */
    private Recorded record(Feed feed, ParsedFeed parsed, String now, Instant deadline) {
        String podcastTitle = parsed.title() != null ? parsed.title() : feed.title();
        Instant freshSince = clock.instant().minus(limits.freshness());
        List<FeedItem> items = new ArrayList<>(parsed.items());
        // Newest first (undated first: they are as new as their discovery), so a cap keeps the freshest.
        items.sort(Comparator.comparing(FeedPoller::published, Comparator.nullsFirst(Comparator.reverseOrder())));
        Set<String> known = episodes.knownIds(feed.id());
        Set<String> written = new HashSet<>(); // recorded now, or found recorded by a failed conditional put
        List<Episode> fresh = new ArrayList<>();
        List<Episode> all = new ArrayList<>();
        int backCatalogue = 0;
        String cutShort = null;
        // Each item's episode id (null: nothing stable to recognise it by next time), hashed once for both passes.
        List<String> ids = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            ids.add(item.identity() == null ? null : EpisodeRepository.idFor(feed.id(), item.identity()));
        }
        for (int k = 0; k < items.size(); k++) {
            String id = ids.get(k);
            if (id == null || known.contains(id)) continue;
            FeedItem item = items.get(k);
            String identity = item.identity();
            if (all.size() >= limits.maxNewPerFeed()) {
                cutShort = "the cap of " + limits.maxNewPerFeed() + " new episodes";
                break;
            }
            if (clock.instant().isAfter(deadline)) {
                cutShort = "the feed's time share";
                break;
            }
            Episode episode = new Episode(feed.id(), id, identity, podcastTitle, item.title(), item.publishedAt(),
                    item.link(), item.enclosureUrl(), item.showNotes(), item.transcripts(), parsed.language(), now);
            Instant published = published(item);
            if (published != null && published.isBefore(freshSince)) {
                if (episodes.recordBackCatalogue(episode)) {
                    all.add(episode);
                    backCatalogue++;
                }
            } else if (episodes.recordUnannounced(episode)) {
                all.add(episode);
                fresh.add(episode);
            }
            written.add(id);
        }
        // The document's items that are recorded, in its newest-first order: what it dropped leaves the set.
        List<String> knownNow = new ArrayList<>();
        for (String id : ids) {
            if (id != null && (known.contains(id) || written.contains(id))) knownNow.add(id);
        }
        List<String> kept = knownNow.subList(0, Math.min(knownNow.size(), EpisodeRepository.MAX_KNOWN));
        return new Recorded(fresh, all, backCatalogue, cutShort, kept, !kept.equals(List.copyOf(known)));
    }

    private static Instant published(FeedItem item) {
        if (item.publishedAt() == null) return null;
        try {
            return Instant.parse(item.publishedAt());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Publishes in batches, marking each batch announced once the bus has taken it, until {@code deadline}: what
     * is left stays in the unannounced index for the next run's backlog.
     */
    private void announce(List<Episode> pending, Tally tally, String what, Instant deadline) {
        try {
            for (int from = 0; from < pending.size(); from += PUBLISH_BATCH) {
                if (deadline != null && clock.instant().isAfter(deadline)) {
                    progress.println("fetch-feeds: " + what + ": out of time; " + (pending.size() - from)
                            + " episodes left to announce on the next run");
                    return;
                }
                List<Episode> batch = pending.subList(from, Math.min(pending.size(), from + PUBLISH_BATCH));
                events.publish(batch.stream().map(FeedPoller::discovered).toList());
                for (Episode e : batch) {
                    episodes.markAnnounced(e.feedId(), e.id());
                }
                tally.announced += batch.size();
            }
        } catch (RuntimeException e) {
            tally.publishFailures++;
            progress.println("fetch-feeds: " + what + ": could not announce episodes, will retry next run: "
                    + describe(e));
        }
    }

    static PipelineEvent discovered(Episode e) {
        return EventEnvelope.toPipelineEvent(PipelineEvents.EPISODE_DISCOVERED,
                new EpisodeDiscovered(e.feedId(), e.id(), e.podcastTitle(), e.title(), e.publishedAt()));
    }

    /**
     * {@code content}: the body's SHA-256, saved only here, after the body's episodes are recorded, so a run that
     * dies half way parses it again next time.
     */
    private static Feed succeeded(Feed f, HttpResult r, ParsedFeed parsed, String now, String content) {
        String parsedTitle = parsed == null ? null : parsed.title();
        String url = r.permanentUri() != null ? r.permanentUri().toString() : f.url();
        // itunes:new-feed-url is the publisher saying "I moved" from inside the old feed; a 301 says it louder.
        String moved = parsed == null ? null : parsed.newFeedUrl();
        if (r.permanentUri() == null && moved != null && isHttp(moved)) url = moved;
        String etag = r.etag() != null ? r.etag() : (r.notModified() ? f.etag() : null);
        String lastModified = r.lastModified() != null ? r.lastModified() : (r.notModified() ? f.lastModified() : null);
        if (!url.equals(f.url()) && r.permanentUri() == null) {
            // The validators belong to the old URL's server.
            etag = null;
            lastModified = null;
        }
        String title = f.title() != null && !f.title().isBlank() ? f.title() : parsedTitle;
        return new Feed(f.id(), url, title, etag, lastModified, now, 0, null, f.transcribe(), content);
    }

    private static boolean isHttp(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }

    private static Feed failed(Feed f, Exception e) {
        String error = capped(describe(e));
        return new Feed(f.id(), f.url(), f.title(), f.etag(), f.lastModified(), f.lastSuccessAt(),
                f.consecutiveFailures() + 1, error, f.transcribe(), f.contentSha256());
    }

    private static String capped(String error) {
        return error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
    }

    /**
     * One line: parser messages span several, and progress is one line per feed. Control characters go too: a
     * message can quote the server (a Location header), which must not forge log lines or drive a terminal.
     */
    private static String describe(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    private void log(Feed feed, String message) {
        progress.println("fetch-feeds: " + feed.id() + " " + feed.url() + ": " + message);
    }

    private static final class Tally {
        int notModified;
        int failed;
        int newEpisodes;
        int announced;
        int publishFailures;
        int skipped;
        int backCatalogue;
        int capped;
    }
}
