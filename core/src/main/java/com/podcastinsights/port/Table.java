package com.podcastinsights.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single table: items keyed by {@code PK}/{@code SK} with two sparse global secondary indexes
 * ({@code GSI1PK}/{@code GSI1SK}, and {@code GSI2PK}/{@code GSI2SK} for readers by send hour). Implemented by DynamoDB and by a file-backed local store;
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

    /** Up to {@code limit} items of GSI2 partition {@code gsi2pk}, ascending by GSI2SK. */
    List<Item> queryIndex2(String gsi2pk, int limit);

    void delete(String pk, String sk);

    /**
     * Replaces the item with {@code item}'s key only if that item exists and its string attribute
     * {@code attribute} is {@code expected}: a compare-and-set, so that of two writers that read the same state only
     * one moves it on. Returns false, writing nothing, otherwise.
     */
    boolean replaceIf(Item item, String attribute, String expected);

    /**
     * Changes only the named attributes of the item with this key, and only if that item exists: {@code set}
     * writes each value (a null value removes the attribute), {@code setIfAbsent} writes each value only where
     * the item has none. Every other attribute is left as it is, so two writers that change different attributes
     * of one item never undo each other, and a writer cannot bring back an item someone deleted. Returns false,
     * changing nothing, when there is no such item. Key attributes cannot be changed.
     */
    boolean updateExisting(String pk, String sk, Map<String, Object> set, Map<String, Object> setIfAbsent);

    /**
     * A shared counter: adds each of {@code deltas} to its number attribute of the item with {@code item}'s key,
     * in one atomic step, and only if every positive delta leaves its attribute at or below its entry in
     * {@code limits} (a missing attribute counts as 0). When the item is absent it is created with {@code item}'s
     * other attributes (type, ttl); they are never overwritten. Returns false, changing nothing, when a delta
     * would pass its limit. Negative deltas (giving back what was reserved) always apply. This is how every
     * Lambda environment of a function shares one cap.
     */
    boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits);
}
