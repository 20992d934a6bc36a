package com.podcastinsights.digest;

import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One item per subscriber and day recording that day's digest: written SENDING before the send (a
 * conditional put, which is the once-per-day guard), turned SENT with the provider's message id after.
 * Items expire after {@link #RETENTION}; by then no replay of that day's schedule can arrive.
 */
public final class DigestLog {
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    static final Duration RETENTION = Duration.ofDays(90);
    private final Table table;

    public DigestLog(Table table) {
        this.table = table;
    }

    /** Claims the day's digest for this subscriber; false when it was claimed before (sent or in doubt). */
    public boolean claim(String email, String day, List<String> insightIds, Instant now) {
        return table.putIfAbsent(item(email, day, SENDING, insightIds, now, null).build());
    }

    public void markSent(String email, String day, List<String> insightIds, Instant createdAt, String messageId, Instant now) {
        table.put(item(email, day, SENT, insightIds, createdAt, messageId).with("sentAt", now.toString()).build());
    }

    /** Gives the claim back: the send failed before the provider accepted the message. */
    public void release(String email, String day) {
        table.delete(Keys.subscriberPk(email), Keys.digestSk(day));
    }

    /** The insights a subscriber's digest of that day carried (empty when there was none). */
    public List<String> insightIds(String email, String day) {
        return table.get(Keys.subscriberPk(email), Keys.digestSk(day)).map(i -> i.strings("insightIds")).orElse(List.of());
    }

    /**
     * Every insight the subscriber's digests of {@code from} to {@code to} (inclusive) carried: one query of
     * their {@code DIGEST#} records, the days picked by sort key.
     */
    public Set<String> insightIdsBetween(String email, String from, String to) {
        Set<String> out = new HashSet<>();
        String low = Keys.digestSk(from), high = Keys.digestSk(to);
        for (Item i : table.query(Keys.subscriberPk(email), Keys.digestSk(""))) {
            if (i.sk().compareTo(low) >= 0 && i.sk().compareTo(high) <= 0) out.addAll(i.strings("insightIds"));
        }
        return out;
    }

    public Optional<String> status(String email, String day) {
        return table.get(Keys.subscriberPk(email), Keys.digestSk(day)).map(i -> i.string("status"));
    }

    private static Item.Builder item(String email, String day, String status, List<String> insightIds,
                                     Instant createdAt, String messageId) {
        return Item.of(Keys.subscriberPk(email), Keys.digestSk(day))
                .with("type", "Digest")
                .with("email", email)
                .with("day", day)
                .with("status", status)
                .with("insightIds", List.copyOf(insightIds))
                .with("createdAt", createdAt.toString())
                .with("messageId", messageId)
                .with("ttl", createdAt.plus(RETENTION).getEpochSecond());
    }
}
