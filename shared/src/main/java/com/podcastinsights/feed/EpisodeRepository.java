package com.podcastinsights.feed;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;
import com.podcastinsights.port.Table;

import java.util.List;
import java.util.Optional;

/** Episodes live in their feed's partition. Recording is conditional: that is what makes an episode NEW. */
public final class EpisodeRepository {
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
