package com.podcastinsights.feed;

import com.podcastinsights.ids.Sha256;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.store.RecordItems;
import com.podcastinsights.port.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Episodes live in their feed's partition. Recording is conditional: that is what makes an episode NEW. */
public final class EpisodeRepository {
    /** Absent on items recorded by {@link #recordIfNew}; false until the Episode Discovered event is out. */
    static final String ANNOUNCED = "announced";
    /** True on episodes recorded outside the freshness window, which are never announced. */
    static final String BACK_CATALOGUE = "backCatalogue";
    /**
     * GSI1 partition holding only unannounced episodes (GSI1SK "feedId#episodeId"); sparse, like the
     * subscribers index. Belongs with the other key formats in Keys and docs/data-model.md.
     */
    public static final String UNANNOUNCED_INDEX = Keys.UNANNOUNCED_INDEX;
    /** The episode's transcript links, one JSON object {url, type, language, rel} each. */
    static final String LINKS = "transcriptLinks";
    static final String LANGUAGE = "feedLanguage";
    /** The one link items recorded before every link was kept have instead of {@link #LINKS}; only read. */
    static final String LEGACY_URL = "transcriptUrl";
    static final String LEGACY_TYPE = "transcriptType";

    /** The known-episodes item's ids (KnownEpisodeIds' form). */
    static final String KNOWN_IDS = "ids";
    /**
     * Ids a feed's known set holds at most, its newest items' (21 KB, 21 write units): a feed longer than that pays
     * a conditional put for each older item of a changed document, as every item did before issue 16.
     */
    public static final int MAX_KNOWN = 2_000;

    /** An episode item's attributes, one for each component of {@link Episode}; its transcripts are {@link #LINKS}. */
    private static final RecordItems<Episode> ITEMS = new RecordItems<>(Episode.class, "feedId", "episodeId", "guid",
            "podcastTitle", "title", "publishedAt", "link", "enclosureUrl", "showNotes", null, LANGUAGE, "discoveredAt");

    private final Table table;

    public EpisodeRepository(Table table) {
        this.table = table;
    }

    /** The episode id for an item's identity (guid, else link, else enclosure URL) within a feed. */
    public static String idFor(String feedId, String identity) {
        return Sha256.hex(feedId + "\n" + identity).substring(0, 16);
    }

    /** Records the episode; returns true only the first time, so a replayed fetch emits nothing twice. */
    public boolean recordIfNew(Episode e) {
        return table.putIfAbsent(toItem(e).build());
    }

    /**
     * Records a new episode as not yet announced, listed in the sparse {@link #UNANNOUNCED_INDEX} partition of
     * GSI1. The poller publishes it and then calls {@link #markAnnounced}; if publishing fails or the run
     * dies in between, {@link #listUnannounced} finds it on the next run, so an episode is announced at least
     * once and never lost. Returns false when the episode is already recorded.
     */
    public boolean recordUnannounced(Episode e) {
        return table.putIfAbsent(toItem(e).with(ANNOUNCED, false).index(UNANNOUNCED_INDEX, e.feedId() + "#" + e.id())
                .build());
    }

    /**
     * Every episode, of any feed, still waiting for its Episode Discovered event. Reads the sparse index,
     * so the cost follows the backlog, not the number of episodes. The index is eventually consistent: an
     * episode recorded a moment ago may be missing, which is why the poller announces new episodes directly.
     */
    public List<Episode> listUnannounced() {
        return listUnannounced(Integer.MAX_VALUE);
    }

    /** At most {@code limit} of them: a run announces a bounded share of the backlog, the rest the next time. */
    public List<Episode> listUnannounced(int limit) {
        List<Episode> out = new ArrayList<>();
        for (Item i : table.queryIndex(UNANNOUNCED_INDEX, false, limit)) {
            if (i.string("episodeId") != null && i.string("feedId") != null) {
                out.add(fromItem(i));
            } else {
                // an index that projects only keys: read the item itself
                String feedId = i.pk().substring("FEED#".length());
                String episodeId = i.sk().substring("EPISODE#".length());
                find(feedId, episodeId).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Marks the episode announced and takes it out of the unannounced index. */
    public void markAnnounced(String feedId, String episodeId) {
        table.get(Keys.feedPk(feedId), Keys.episodeSk(episodeId)).ifPresent(i -> {
            Item.Builder b = Item.of(i.pk(), i.sk());
            i.attributes().forEach((name, value) -> {
                if (!name.equals(Item.GSI1PK) && !name.equals(Item.GSI1SK)) b.with(name, value);
            });
            table.put(b.with(ANNOUNCED, true).build());
        });
    }

    public Optional<Episode> find(String feedId, String episodeId) {
        return table.get(Keys.feedPk(feedId), Keys.episodeSk(episodeId)).map(EpisodeRepository::fromItem);
    }

    public List<Episode> listByFeed(String feedId) {
        return table.query(Keys.feedPk(feedId), "EPISODE#").stream().map(EpisodeRepository::fromItem).toList();
    }

    static Item.Builder toItem(Episode e) {
        Item.Builder item = ITEMS.write(Item.of(Keys.feedPk(e.feedId()), Keys.episodeSk(e.id())).with("type", "Episode"), e);
        return e.transcripts().isEmpty() ? item : item.with(LINKS, StoredTranscriptLinks.write(e.transcripts()));
    }

    static Episode fromItem(Item i) {
        return ITEMS.read(i, StoredTranscriptLinks.read(i.strings(LINKS), i.string(LEGACY_URL), i.string(LEGACY_TYPE)));
    }

    /**
     * Records an episode published before the freshness window (a new feed's back catalogue): it is known from
     * now on, so it never counts as new later, but it is never announced, so it gets no transcript and no
     * insights. Marked {@value #BACK_CATALOGUE} so an operator can tell why. False when already recorded.
     */
    public boolean recordBackCatalogue(Episode e) {
        return table.putIfAbsent(toItem(e).with(BACK_CATALOGUE, true).build());
    }

    /**
     * Episode ids of the feed's items that are recorded, as the poller last saved them (none when it never did).
     * Every id names a recorded episode (they are saved only after the items' writes), so an item skipped for
     * being known loses nothing; a stale or missing set costs conditional puts, never an episode.
     */
    public Set<String> knownIds(String feedId) {
        return table.get(Keys.feedPk(feedId), Keys.KNOWN_EPISODES_SK)
                .map(i -> KnownEpisodeIds.decode(i.string(KNOWN_IDS)))
                .orElseGet(Set::of);
    }

    /**
     * Replaces the feed's known set with {@code ids}, newest item first, the first {@link #MAX_KNOWN} of them.
     * Call it only once the episode of every id is written: a crash before it leaves the old set, and the next
     * changed document's conditional puts absorb what it lacks.
     */
    public void rememberKnown(String feedId, List<String> ids) {
        List<String> kept = ids.stream().filter(KnownEpisodeIds::storable).limit(MAX_KNOWN).toList();
        table.put(Item.of(Keys.feedPk(feedId), Keys.KNOWN_EPISODES_SK)
                .with("type", "KnownEpisodes")
                .with("feedId", feedId)
                .with("count", (long) kept.size())
                .with(KNOWN_IDS, KnownEpisodeIds.encode(kept))
                .build());
    }

    /** Drops the feed's known set: its episodes may have been forgotten, so none may be skipped any more. */
    public void forgetKnown(String feedId) {
        table.delete(Keys.feedPk(feedId), Keys.KNOWN_EPISODES_SK);
    }

    /** Deletes an episode item: what a poll recorded for a feed the operator removed while it ran. */
    public void forget(String feedId, String episodeId) {
        table.delete(Keys.feedPk(feedId), Keys.episodeSk(episodeId));
    }
}
