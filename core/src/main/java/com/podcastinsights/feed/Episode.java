package com.podcastinsights.feed;

/**
 * One item of a feed. {@code id} is derived from the feed id and the item's guid (falling back to link,
 * then enclosure URL), so the same item always maps to the same episode.
 */
public record Episode(String feedId, String id, String guid, String podcastTitle, String title,
                      String publishedAt, String link, String enclosureUrl, String transcriptUrl,
                      String transcriptType, String showNotes) {
}
