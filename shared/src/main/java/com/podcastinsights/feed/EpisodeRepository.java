package com.podcastinsights.feed;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;
import com.podcastinsights.port.Table;

import java.util.List;
import java.util.Optional;

/** Episodes live in their feed's partition. Recording is conditional: that is what makes an episode NEW. */
public final class EpisodeRepository {
    /** Absent on items recorded by {@link #recordIfNew}; false until the Episode Discovered event is out. */
    static final String ANNOUNCED = "announced";

    private final Table table;

    public EpisodeRepository(Table table) {
        this.table = table;
    }

    /** The episode id for an item's identity (guid, else link, else enclosure URL) within a feed. */
    public static String idFor(String feedId, String identity) {
        return FeedRepository.sha256Hex(feedId + "\n" + identity).substring(0, 16);
    }

    /** Records the episode; returns true only the first time, so a replayed fetch emits nothing twice. */
    public boolean recordIfNew(Episode e, String discoveredAt) {
        return table.putIfAbsent(toItem(e, discoveredAt));
    }

    /**
     * Records a new episode as not yet announced. The poller publishes it and then calls
     * {@link #markAnnounced}; if publishing fails in between, {@link #listUnannounced} finds it on the next
     * run, so an episode is announced at least once and never lost. Returns false when already recorded.
     */
    public boolean recordUnannounced(Episode e, String discoveredAt) {
        Item item = toItem(e, discoveredAt);
        Item.Builder b = Item.of(item.pk(), item.sk());
        item.attributes().forEach(b::with);
        return table.putIfAbsent(b.with(ANNOUNCED, false).build());
    }

    /** Episodes of the feed recorded by {@link #recordUnannounced} whose event has not been published yet. */
    public List<Episode> listUnannounced(String feedId) {
        return table.query(Keys.feedPk(feedId), "EPISODE#").stream()
                .filter(i -> Boolean.FALSE.equals(i.attributes().get(ANNOUNCED)))
                .map(EpisodeRepository::fromItem).toList();
    }

    public void markAnnounced(String feedId, String episodeId) {
        table.get(Keys.feedPk(feedId), Keys.episodeSk(episodeId)).ifPresent(i -> {
            if (i.flag(ANNOUNCED)) return;
            Item.Builder b = Item.of(i.pk(), i.sk());
            i.attributes().forEach(b::with);
            table.put(b.with(ANNOUNCED, true).build());
        });
    }

    public Optional<Episode> find(String feedId, String episodeId) {
        return table.get(Keys.feedPk(feedId), Keys.episodeSk(episodeId)).map(EpisodeRepository::fromItem);
    }

    public List<Episode> listByFeed(String feedId) {
        return table.query(Keys.feedPk(feedId), "EPISODE#").stream().map(EpisodeRepository::fromItem).toList();
    }

    static Item toItem(Episode e, String discoveredAt) {
        return Item.of(Keys.feedPk(e.feedId()), Keys.episodeSk(e.id()))
                .with("type", "Episode")
                .with("feedId", e.feedId())
                .with("episodeId", e.id())
                .with("guid", e.guid())
                .with("podcastTitle", e.podcastTitle())
                .with("title", e.title())
                .with("publishedAt", e.publishedAt())
                .with("link", e.link())
                .with("enclosureUrl", e.enclosureUrl())
                .with("transcriptUrl", e.transcriptUrl())
                .with("transcriptType", e.transcriptType())
                .with("showNotes", e.showNotes())
                .with("discoveredAt", discoveredAt)
                .build();
    }

    static Episode fromItem(Item i) {
        return new Episode(i.string("feedId"), i.string("episodeId"), i.string("guid"), i.string("podcastTitle"),
                i.string("title"), i.string("publishedAt"), i.string("link"), i.string("enclosureUrl"),
                i.string("transcriptUrl"), i.string("transcriptType"), i.string("showNotes"));
    }
}
