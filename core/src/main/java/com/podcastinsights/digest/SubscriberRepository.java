package com.podcastinsights.digest;

import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Readers. Active ones are listed through GSI1 ({@link Keys#SUBSCRIBERS_INDEX}); unsubscribing (or suppression
 * after a bounce or complaint) moves the item to {@link Keys#INACTIVE_SUBSCRIBERS_INDEX} but keeps it, with its
 * preferences and the reason, so a replay never re-adds anyone. Each subscription has a generation: a new one
 * (the time in milliseconds, and always above the last) whenever an inactive or new reader is subscribed, so the
 * unsubscribe links of an earlier subscription stop working. Items from before generations existed read as 0.
 */
public final class SubscriberRepository {
    /**
     * A local part with no leading, trailing or doubled dot, and a domain of dot-separated labels (letters, digits,
     * inner hyphens): "alice@example..com" or "alice@-example.com" would only bounce.
     */
    private static final Pattern ADDRESS = Pattern.compile("^(?!\\.)(?!.*\\.\\.)[^@\\s\\p{Cntrl}<>\",;]+(?<!\\.)"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?$");
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
        Optional<Subscription> old = subscription(e);
        Subscriber o = old.map(Subscription::subscriber).orElse(new Subscriber(e, true, now));
        write(o.withActive(true, e), generation(old, now), null, null, stillPaused(old));
    }

    /** Adds or updates a subscriber with these preferences (active). */
    public Subscriber save(Subscriber s, String now) {
        String e = normalize(s.email());
        Optional<Subscription> old = subscription(e);
        String created = old.map(o -> o.subscriber().createdAt()).orElse(now);
        // feedback weights are only changed by feedback (adjustWeights), so a preferences form cannot reset them
        Subscriber clean = new Subscriber(e, true, created, zone(s.timeZone()), s.sendHour(),
                words(s.topics(), MAX_TOPICS), words(s.mutedShows(), MAX_MUTED), languages(s.languages()),
                old.map(o -> o.subscriber().weights()).orElse(FeedbackWeights.NONE));
        write(clean, generation(old, now), null, null, stillPaused(old));
        return clean;
    }

    /**
     * Stops (until {@code until}, an instant) or resumes ({@code null}) an active reader's digest without touching
     * anything else of theirs. False when there is no such reader.
     */
    public boolean pause(String email, String until) {
        Map<String, Object> set = new HashMap<>();
        set.put("pausedUntil", until);
        return table.updateExisting(Keys.subscriberPk(normalize(email)), Keys.SUBSCRIBER_SK, set, Map.of());
    }

    /** Writes only the reader's feedback weights, so a concurrent change of their preferences is kept. */
    public boolean adjustWeights(String email, FeedbackWeights w) {
        Map<String, Object> set = new HashMap<>();
        set.put("showWeights", w.shows().isEmpty() ? null : FeedbackWeights.encode(w.shows()));
        set.put("topicWeights", w.topics().isEmpty() ? null : FeedbackWeights.encode(w.topics()));
        return table.updateExisting(Keys.subscriberPk(normalize(email)), Keys.SUBSCRIBER_SK, set, Map.of());
    }

    /** A pause survives a change of preferences while the subscription lasts; a new subscription starts unpaused. */
    private static String stillPaused(Optional<Subscription> old) {
        return old.filter(Subscription::active).map(Subscription::pausedUntil).orElse(null);
    }

    public void unsubscribe(String email, String now) {
        deactivate(email, now, null);
    }

    /** Stops mail for good after a hard bounce or a complaint: inactive, with the reason for the operator. */
    public void suppress(String email, String now, String reason) {
        deactivate(email, now, reason == null ? "suppressed" : reason);
    }

    /**
     * Erases the reader: every item of their partition (profile, digest records). For a data-protection request;
     * nothing of them stays, not even the suppression, so adding them again later starts from nothing. Returns
     * how many items were deleted.
     */
    public int forget(String email) {
        String pk = Keys.subscriberPk(normalize(email));
        List<Item> items = table.query(pk, "");
        for (Item i : items) table.delete(pk, i.sk());
        return items.size();
    }

    private void deactivate(String email, String now, String reason) {
        String e = normalize(email);
        Optional<Subscription> old = subscription(e);
        Subscriber o = old.map(Subscription::subscriber).orElse(new Subscriber(e, false, now));
        write(o.withActive(false, e),
                old.map(Subscription::generation).orElse(0L), now, reason, null);
    }

    /** The same generation while active; a new one, above the last, for a new or renewed subscription. */
    private static long generation(Optional<Subscription> old, String now) {
        if (old.isPresent() && old.get().active()) return old.get().generation();
        long last = old.map(Subscription::generation).orElse(0L);
        long millis;
        try {
            millis = Instant.parse(now).toEpochMilli();
        } catch (RuntimeException e) {
            millis = 0;
        }
        return Math.max(millis, last + 1);
    }

    /** Two- or three-letter language codes ("es", "pt-BR" is read as "pt"); anything else is a usage error. */
    static List<String> languages(List<String> codes) {
        List<String> out = new java.util.ArrayList<>();
        for (String c : codes == null ? List.<String>of() : codes) {
            if (c == null || c.isBlank()) continue;
            String primary = com.podcastinsights.transcript.Languages.primary(c);
            if (primary == null) throw new IllegalArgumentException("not a language code: " + c.strip() + " (use e.g. en, es, de)");
            if (!out.contains(primary)) out.add(primary);
        }
        return out;
    }

    private void write(Subscriber s, long generation, String unsubscribedAt, String suppressedReason, String pausedUntil) {
        Item.Builder b = Item.of(Keys.subscriberPk(s.email()), Keys.SUBSCRIBER_SK);
        b.index(s.active() ? Keys.SUBSCRIBERS_INDEX : Keys.INACTIVE_SUBSCRIBERS_INDEX, s.email());
        if (s.active()) {
            // the zone is listed before the reader is indexed under it, so a planner never misses a partition
            if (s.timeZone() != null) {
                table.putIfAbsent(Item.of(Keys.SEND_ZONES_PK, s.timeZone()).with("type", "SendZone").build());
            }
            b.index2(Keys.sendIndex(s.timeZone(), s.sendHour()), s.email());
        }
        b.with("type", "Subscriber").with("email", s.email()).with("active", s.active()).with("createdAt", s.createdAt())
                .with("timeZone", s.timeZone()).with("sendHour", s.sendHour())
                .with("topics", s.topics().isEmpty() ? null : s.topics())
                .with("mutedShows", s.mutedShows().isEmpty() ? null : s.mutedShows())
                .with("languages", s.languages().equals(Subscriber.DEFAULT_LANGUAGES) ? null : s.languages())
                .with("showWeights", s.weights().shows().isEmpty() ? null : FeedbackWeights.encode(s.weights().shows()))
                .with("topicWeights", s.weights().topics().isEmpty() ? null : FeedbackWeights.encode(s.weights().topics()))
                .with("pausedUntil", pausedUntil)
                .with("generation", generation)
                .with("unsubscribedAt", unsubscribedAt).with("suppressedReason", suppressedReason);
        table.put(b.build());
    }

    public Optional<Subscriber> find(String email) {
        return subscription(email).map(Subscription::subscriber);
    }

    public Optional<Subscription> subscription(String email) {
        return table.get(Keys.subscriberPk(normalize(email)), Keys.SUBSCRIBER_SK).map(SubscriberRepository::fromItem);
    }

    public List<Subscriber> active() {
        return activeSubscriptions().stream().map(Subscription::subscriber).toList();
    }

    public List<Subscription> activeSubscriptions() {
        return table.queryIndex(Keys.SUBSCRIBERS_INDEX, false, Integer.MAX_VALUE).stream()
                .map(SubscriberRepository::fromItem)
                .filter(Subscription::active)
                .toList();
    }

    /**
     * The active readers whose local hour at {@code at} is their send hour, from the GSI2 partitions of that hour
     * only (one Query per time zone in use), never from the whole list. Readers without a zone are in
     * {@code digestZone}; without a send hour they are due at {@code defaultHour} (null: at every run, as local runs
     * have it).
     */
    public List<Subscription> dueAt(Instant at, ZoneId digestZone, Integer defaultHour) {
        List<String> zones = new java.util.ArrayList<>();
        zones.add(null);
        table.query(Keys.SEND_ZONES_PK, "").forEach(i -> zones.add(i.sk()));
        List<Subscription> out = new java.util.ArrayList<>();
        for (String zone : zones) {
            ZoneId id;
            try {
                id = zone == null ? digestZone : ZoneId.of(zone);
            } catch (DateTimeException e) {
                continue;
            }
            int hour = at.atZone(id).getHour();
            List<String> partitions = new java.util.ArrayList<>(List.of(Keys.sendIndex(zone, hour)));
            if (defaultHour == null || defaultHour == hour) partitions.add(Keys.sendIndex(zone, null));
            for (String p : partitions) {
                table.queryIndex2(p, Integer.MAX_VALUE).stream().map(SubscriberRepository::fromItem)
                        .filter(Subscription::active).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Writes every active reader again, so readers stored before the send-hour index existed are in it. Idempotent;
     * returns how many were written.
     */
    public int reindex() {
        List<Subscription> all = activeSubscriptions();
        for (Subscription s : all) write(s.subscriber(), s.generation(), null, null, s.pausedUntil()); // a pause survives the reindex
        return all.size();
    }

    /**
     * Active and inactive readers, by address. Readers made inactive before the inactive index existed are
     * listed once their item is written again.
     */
    public List<Subscription> all() {
        List<Subscription> out = new java.util.ArrayList<>(activeSubscriptions());
        table.queryIndex(Keys.INACTIVE_SUBSCRIBERS_INDEX, false, Integer.MAX_VALUE).stream()
                .map(SubscriberRepository::fromItem).filter(s -> !s.active()).forEach(out::add);
        out.sort(java.util.Comparator.comparing(s -> s.subscriber().email()));
        return out;
    }

    private static Subscription fromItem(Item i) {
        long hour = i.number("sendHour", -1);
        Subscriber s = new Subscriber(i.string("email"), i.flag("active"), i.string("createdAt"), i.string("timeZone"),
                hour < 0 || hour > 23 ? null : (int) hour, i.strings("topics"), i.strings("mutedShows"),
                i.strings("languages"), new FeedbackWeights(FeedbackWeights.decode(i.strings("showWeights")),
                FeedbackWeights.decode(i.strings("topicWeights"))));
        return new Subscription(s, Math.max(0, i.number("generation", 0)), i.string("unsubscribedAt"),
                i.string("suppressedReason"), i.string("pausedUntil"));
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
