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
 * One item per subscriber and day recording that day's digest, moved through three states by conditional writes:
 * <ol>
 *   <li>{@code CLAIMED} by one sender ({@code owner}) until {@code leaseUntil}: written with a conditional put, the
 *   once-per-day guard. A claim whose lease ran out (its sender died before sending) may be taken over, by a
 *   compare-and-set on the owner, so no reader is lost to a crash before the send;</li>
 *   <li>{@code SENDING}: written by the owner (compare-and-set on the owner) immediately before the mail service is
 *   called, and never taken over: from here a resend could be a duplicate;</li>
 *   <li>{@code SENT}, with the provider's message id, after the mail service accepted it.</li>
 * </ol>
 * A SENDING item that stays is the one window left: the mail service took (or may have taken) the message and the
 * sender died before writing SENT. It is reported as unconfirmed and not resent. Items expire after
 * {@link #RETENTION}; by then no replay of that day's schedule can arrive.
 */
public final class DigestLog {
    public static final String CLAIMED = "CLAIMED";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    static final Duration RETENTION = Duration.ofDays(90);
    private final Table table;

    /** What a claim found. */
    public enum Claim {
        /** This sender holds the claim now. */
        OURS,
        /** Sent before. */
        SENT,
        /** A sender called the mail service and never recorded the outcome: not resent. */
        IN_DOUBT,
        /** Another sender holds a live claim: try again after its lease. */
        HELD
    }

    public DigestLog(Table table) {
        this.table = table;
    }

    /** The unleased claim of local runs and tests: a lease that never runs out. */
    public boolean claim(String email, String day, List<String> insightIds, Instant now) {
        return claim(email, day, insightIds, now, "local", Instant.MAX) == Claim.OURS;
    }

    /**
     * Claims the day's digest for {@code owner} until {@code leaseUntil}: a new claim, or one whose lease ran out
     * before {@code now} taken over.
     */
    public Claim claim(String email, String day, List<String> insightIds, Instant now, String owner, Instant leaseUntil) {
        Item mine = item(email, day, CLAIMED, insightIds, now, null).with("owner", owner)
                .with("leaseUntil", leaseUntil.toString()).build();
        if (table.putIfAbsent(mine)) return Claim.OURS;
        Optional<Item> found = table.get(Keys.subscriberPk(email), Keys.digestSk(day));
        if (found.isEmpty()) return table.putIfAbsent(mine) ? Claim.OURS : Claim.HELD;
        Item old = found.get();
        String status = old.string("status");
        if (SENT.equals(status)) return Claim.SENT;
        if (!CLAIMED.equals(status) || old.string("owner") == null) return Claim.IN_DOUBT;
        String until = old.string("leaseUntil");
        if (until != null && !Instant.parse(until).isBefore(now)) return Claim.HELD;
        return table.replaceIf(mine, "owner", old.string("owner")) ? Claim.OURS : Claim.HELD;
    }

    /**
     * The owner's last step before calling the mail service: false (and nothing written) when the claim is no
     * longer {@code owner}'s (its lease ran out and another sender took it over), so this one must not send.
     */
    public boolean markSending(String email, String day, List<String> insightIds, Instant createdAt, String owner) {
        return table.replaceIf(item(email, day, SENDING, insightIds, createdAt, null).with("owner", owner).build(),
                "owner", owner);
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
