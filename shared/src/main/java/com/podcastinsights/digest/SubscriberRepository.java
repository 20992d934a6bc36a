package com.podcastinsights.digest;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;
import com.podcastinsights.port.Table;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Readers. Active ones are listed through GSI1; unsubscribing (or suppression after a bounce or complaint)
 * drops the index keys but keeps the item, with its preferences, so a replay never re-adds anyone.
 */
public final class SubscriberRepository {
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s\\r\\n<>\",;]+@[^@\\s\\r\\n<>\",;]+\\.[^@\\s\\r\\n<>\",;]+$");
    /** Bounds on what a subscriber may store: a topic is a keyword, not an essay. */
    static final int MAX_TOPICS = 20, MAX_MUTED = 50, MAX_WORD = 80;
    private final Table table;

    public SubscriberRepository(Table table) {
        this.table = table;
    }

    public static String normalize(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(e).matches()) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        return e;
    }

    /** Adds or reactivates a subscriber, keeping the preferences they had. */
    public void subscribe(String email, String now) {
        String e = normalize(email);
        Subscriber old = find(e).orElse(new Subscriber(e, true, now));
        write(new Subscriber(e, true, old.createdAt(), old.timeZone(), old.sendHour(), old.topics(), old.mutedShows()),
                null, null);
    }

    /** Adds or updates a subscriber with these preferences (active). */
    public Subscriber save(Subscriber s, String now) {
        String e = normalize(s.email());
        String created = find(e).map(Subscriber::createdAt).orElse(now);
        Subscriber clean = new Subscriber(e, true, created, zone(s.timeZone()), s.sendHour(),
                words(s.topics(), MAX_TOPICS), words(s.mutedShows(), MAX_MUTED));
        write(clean, null, null);
        return clean;
    }

    public void unsubscribe(String email, String now) {
        deactivate(email, now, null);
    }

    /** Stops mail for good after a hard bounce or a complaint: inactive, with the reason for the operator. */
    public void suppress(String email, String now, String reason) {
        deactivate(email, now, reason == null ? "suppressed" : reason);
    }

    private void deactivate(String email, String now, String reason) {
        String e = normalize(email);
        Subscriber old = find(e).orElse(new Subscriber(e, false, now));
        write(new Subscriber(e, false, old.createdAt(), old.timeZone(), old.sendHour(), old.topics(), old.mutedShows()),
                now, reason);
    }

    private void write(Subscriber s, String unsubscribedAt, String suppressedReason) {
        Item.Builder b = Item.of(Keys.subscriberPk(s.email()), Keys.SUBSCRIBER_SK);
        if (s.active()) b.index(Keys.SUBSCRIBERS_INDEX, s.email());
        b.with("type", "Subscriber").with("email", s.email()).with("active", s.active()).with("createdAt", s.createdAt())
                .with("timeZone", s.timeZone()).with("sendHour", s.sendHour())
                .with("topics", s.topics().isEmpty() ? null : s.topics())
                .with("mutedShows", s.mutedShows().isEmpty() ? null : s.mutedShows())
                .with("unsubscribedAt", unsubscribedAt).with("suppressedReason", suppressedReason);
        table.put(b.build());
    }

    public Optional<Subscriber> find(String email) {
        return table.get(Keys.subscriberPk(normalize(email)), Keys.SUBSCRIBER_SK).map(SubscriberRepository::fromItem);
    }

    public List<Subscriber> active() {
        return table.queryIndex(Keys.SUBSCRIBERS_INDEX, false, Integer.MAX_VALUE).stream()
                .map(SubscriberRepository::fromItem)
                .filter(Subscriber::active)
                .toList();
    }

    private static Subscriber fromItem(Item i) {
        long hour = i.number("sendHour", -1);
        return new Subscriber(i.string("email"), i.flag("active"), i.string("createdAt"), i.string("timeZone"),
                hour < 0 || hour > 23 ? null : (int) hour, i.strings("topics"), i.strings("mutedShows"));
    }

    /** An IANA zone id, checked, or null for the stack's digest zone. */
    static String zone(String id) {
        if (id == null || id.isBlank()) return null;
        try {
            return ZoneId.of(id.trim()).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone: " + id);
        }
    }

    private static List<String> words(List<String> in, int max) {
        if (in == null) return List.of();
        List<String> out = in.stream().map(MailText::plain).filter(w -> !w.isEmpty())
                .map(w -> w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w).distinct().toList();
        if (out.size() > max) throw new IllegalArgumentException("at most " + max + " entries, got " + out.size());
        return out;
    }
}
