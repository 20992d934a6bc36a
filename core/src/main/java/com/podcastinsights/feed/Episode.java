package com.podcastinsights.feed;

import java.util.List;

/**
 * One item of a feed. {@code id} is derived from the feed id and the item's guid (falling back to link,
 * then enclosure URL), so the same item always maps to the same episode. {@code transcripts} are every
 * {@code podcast:transcript} the item lists, in the feed's order, so the transcript stage can choose among them
 * (and fall back to the next one); {@code language} is the feed's; {@code discoveredAt} (ISO-8601) is when
 * FetchFeeds first saw the item, which makes its digest day.
 */
public record Episode(String feedId, String id, String guid, String podcastTitle, String title,
                      String publishedAt, String link, String enclosureUrl, String showNotes,
                      List<TranscriptLink> transcripts, String language, String discoveredAt) {
    public Episode {
        transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
    }
}
