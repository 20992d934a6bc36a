package com.podcastinsights.feed;

import java.util.List;
import java.util.Optional;

/**
 * One item or entry as read from a feed, before it becomes an {@link Episode}. URLs are absolute;
 * {@code publishedAt} is ISO-8601 in UTC or null when the feed's date could not be read.
 * {@code showNotes} is the item's HTML or text description, unprocessed.
 */
public record FeedItem(String guid, String title, String link, String publishedAt, String enclosureUrl,
                       List<TranscriptLink> transcripts, String showNotes) {
    public FeedItem {
        transcripts = List.copyOf(transcripts);
    }

    /** What identifies the item across fetches: guid, else link, else enclosure URL; null when none. */
    public String identity() {
        if (guid != null && !guid.isBlank()) return guid.trim();
        if (link != null && !link.isBlank()) return link.trim();
        if (enclosureUrl != null && !enclosureUrl.isBlank()) return enclosureUrl.trim();
        return null;
    }

    public Optional<TranscriptLink> bestTranscript() {
        return TranscriptLink.best(transcripts);
    }
}
