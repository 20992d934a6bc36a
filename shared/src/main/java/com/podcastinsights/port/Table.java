package com.podcastinsights.port;

import java.util.List;
import java.util.Optional;

/**
 * The single table: items keyed by {@code PK}/{@code SK} with one global secondary index
 * ({@code GSI1PK}/{@code GSI1SK}). Implemented by DynamoDB and by a file-backed local store;
 * both pass {@code TableContract}.
 */
public interface Table {
    /** Writes the item, replacing any item with the same key. */
    void put(Item item);

    /**
     * Writes the item only when no item has its key. Returns false, and writes nothing, when one
     * does: this is how every stage stays idempotent under at-least-once delivery.
     */
    boolean putIfAbsent(Item item);

    Optional<Item> get(String pk, String sk);

    /** Every item of partition {@code pk} whose sort key starts with {@code skPrefix}, ascending by SK. */
    List<Item> query(String pk, String skPrefix);

    /** Up to {@code limit} items of GSI1 partition {@code gsi1pk}, ordered by GSI1SK. */
    List<Item> queryIndex(String gsi1pk, boolean descending, int limit);

    void delete(String pk, String sk);
}
