package com.podcastinsights.digest;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.Keys;

import java.util.Optional;

/**
 * How a reader came to get the digest, kept beside their subscriber item: when ({@code at}), how ({@code method}:
 * {@link #DOUBLE_OPT_IN} for the web sign-up and its confirming click, {@link #OPERATOR} when the operator added
 * them) and from where ({@code source}: the page, or "operator"). {@code requestedAt} is when the sign-up form was
 * sent (null for the operator). Bulk-mail law asks the sender to show this; {@code subscribers forget} erases it
 * with the rest of the reader's partition.
 */
public record Consent(String at, String method, String source, String requestedAt) {
    public static final String DOUBLE_OPT_IN = "double-opt-in", OPERATOR = "operator";

    public static Consent operator(String now) {
        return new Consent(now, OPERATOR, OPERATOR, null);
    }

    public static void record(Table table, String email, Consent c) {
        table.put(Item.of(Keys.subscriberPk(SubscriberRepository.normalize(email)), Keys.CONSENT_SK)
                .with("type", "Consent").with("at", c.at()).with("method", c.method()).with("source", c.source())
                .with("requestedAt", c.requestedAt()).build());
    }

    public static Optional<Consent> of(Table table, String email) {
        return table.get(Keys.subscriberPk(SubscriberRepository.normalize(email)), Keys.CONSENT_SK)
                .map(i -> new Consent(i.string("at"), i.string("method"), i.string("source"), i.string("requestedAt")));
    }
}
