package com.podcastinsights.web;

import com.podcastinsights.digest.WebToken;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.Keys;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Per-hour caps on each form, per address and per source IP, shared by every Lambda environment: one conditional
 * counter item per form, who and hour ({@link Table#addWithinLimits}), expired by the table's TTL. Who is a keyed
 * hash ({@link WebToken#pseudonym}), so the table holds no address or IP.
 */
public final class RateLimit {
    /** How many of one form per hour: per address, per source. */
    public record Caps(long perAddress, long perSource) {
    }

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private final Table table;
    private final WebToken keys;

    public RateLimit(Table table, WebToken keys) {
        this.table = table;
        this.keys = keys;
    }

    /** Counts one use of {@code form}; false when the address or the source is over its cap this hour. */
    public boolean allow(String form, Caps caps, String address, String source, Instant now) {
        boolean ok = address == null || take(form, "a" + keys.pseudonym(address), caps.perAddress(), now);
        return ok && (source == null || take(form, "s" + keys.pseudonym(source), caps.perSource(), now));
    }

    /** One use of {@code key} in this hour's window, within {@code cap}. */
    boolean take(String form, String who, long cap, Instant now) {
        Item counter = Item.of(Keys.ratePk(form, who, HOUR.format(now)), Keys.RATE_SK).with("type", "RateCounter")
                .with("ttl", now.plus(Duration.ofHours(2)).getEpochSecond()).build();
        return table.addWithinLimits(counter, Map.of("count", 1L), Map.of("count", cap));
    }
}
