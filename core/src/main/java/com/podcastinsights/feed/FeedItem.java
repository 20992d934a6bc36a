package com.podcastinsights.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * One item or entry as read from a feed, before it becomes an {@link Episode}. URLs are absolute;
 * {@code publishedAt} is ISO-8601 in UTC or null when the feed's date could not be read.
 * {@code showNotes} is the item's HTML or text description, unprocessed. Numbers the feed did not give, or
 * gave unreadably, are null.
 */
public record FeedItem(String guid, String title, String link, String publishedAt, String enclosureUrl,
                       Long enclosureLength, String enclosureType, Integer durationSeconds, Integer season,
                       Integer episode, String chaptersUrl, List<TranscriptLink> transcripts, List<Person> persons,
                       String showNotes) {
    public FeedItem {
        transcripts = List.copyOf(transcripts);
        persons = List.copyOf(persons);
    }

    /** The fields the pipeline needs; the rest unknown. */
    public FeedItem(String guid, String title, String link, String publishedAt, String enclosureUrl,
                    List<TranscriptLink> transcripts, String showNotes) {
        this(guid, title, link, publishedAt, enclosureUrl, null, null, null, null, null, null, transcripts, List.of(),
                showNotes);
    }

    /** What identifies the item across fetches: guid, else link, else enclosure URL; null when none. */
    public String identity() {
        if (guid != null && !guid.isBlank()) return guid.trim();
        if (link != null && !link.isBlank()) return link.trim();
        if (enclosureUrl != null && !enclosureUrl.isBlank()) return enclosureUrl.trim();
        return null;
    }

    /** This item completed by a duplicate of it: what this one lacks, the other supplies. */
    FeedItem mergedWith(FeedItem o) {
        List<TranscriptLink> t = new ArrayList<>(transcripts);
        for (TranscriptLink l : o.transcripts) if (!t.contains(l)) t.add(l);
        List<Person> p = new ArrayList<>(persons);
        for (Person x : o.persons) if (!p.contains(x)) p.add(x);
        return new FeedItem(or(guid, o.guid), or(title, o.title), or(link, o.link), or(publishedAt, o.publishedAt),
                or(enclosureUrl, o.enclosureUrl), or(enclosureLength, o.enclosureLength),
                or(enclosureType, o.enclosureType), or(durationSeconds, o.durationSeconds), or(season, o.season),
                or(episode, o.episode), or(chaptersUrl, o.chaptersUrl), t, p, or(showNotes, o.showNotes));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
