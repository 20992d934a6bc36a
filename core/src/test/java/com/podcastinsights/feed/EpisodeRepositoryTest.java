package com.podcastinsights.feed;

import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EpisodeRepositoryTest {
    private final InMemoryTable table = new InMemoryTable();
    private final EpisodeRepository episodes = new EpisodeRepository(table);

    @Test
    void anEpisodeReadsBackWhole() {
        Episode e = new Episode("f", "e", "g", "Show", "Title", "2026-11-29T09:00:00Z", "https://show.example/e",
                "https://cdn.example/e.mp3", "notes", List.of(
                        new TranscriptLink("https://show.example/e.srt", "application/srt", null, null),
                        new TranscriptLink("https://show.example/e.json", "application/json", "en", "captions")),
                "en-GB", "2026-11-30T06:00:00Z");
        assertTrue(episodes.recordUnannounced(e));

        assertEquals(e, episodes.find("f", "e").orElseThrow());
        Item item = table.get(Keys.feedPk("f"), Keys.episodeSk("e")).orElseThrow();
        assertNull(item.string("transcriptUrl"), "the one-link attribute is no longer written");
    }

    @Test
    void anEpisodeRecordedBeforeEveryLinkWasKeptHasItsOneLink() {
        // as the code before transcriptLinks and feedLanguage wrote it
        table.put(Item.of(Keys.feedPk("f"), Keys.episodeSk("old")).with("type", "Episode").with("feedId", "f")
                .with("episodeId", "old").with("guid", "g").with("title", "Old")
                .with("transcriptUrl", "https://show.example/old.vtt").with("transcriptType", "text/vtt")
                .with("showNotes", "notes").with("discoveredAt", "2026-11-30T06:00:00Z").build());

        Episode old = episodes.find("f", "old").orElseThrow();

        assertEquals(List.of(new TranscriptLink("https://show.example/old.vtt", "text/vtt", null, null)),
                old.transcripts());
        assertNull(old.language());
        assertEquals("2026-11-30T06:00:00Z", old.discoveredAt());
        assertEquals("notes", old.showNotes());
    }

    @Test
    void listedLinksWinOverTheOneLinkAndAnUnreadableOneHidesNoOther() {
        table.put(Item.of(Keys.feedPk("f"), Keys.episodeSk("both")).with("feedId", "f").with("episodeId", "both")
                .with("transcriptUrl", "https://show.example/best.vtt").with("transcriptType", "text/vtt")
                .with("transcriptLinks", List.of("{not json", "{\"url\":\"https://show.example/a.json\"}"))
                .with("feedLanguage", "fr").build());

        Episode both = episodes.find("f", "both").orElseThrow();

        assertEquals(List.of(new TranscriptLink("https://show.example/a.json", null, null, null)), both.transcripts());
        assertEquals("fr", both.language());
    }
}
