package com.podcastinsights.port;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * {@link #updateExisting} on an item held in memory: {@code current} after the change, or empty when there is
     * no item. For adapters that hold items themselves and lock around the read and write.
     */
    static Optional<Item> updated(Optional<Item> current, Map<String, Object> set, Map<String, Object> setIfAbsent) {
        if (current.isEmpty()) return Optional.empty();
        Map<String, Object> values = new LinkedHashMap<>(current.get().attributes());
        for (var e : set.entrySet()) {
            requireNotKey(e.getKey());
            if (e.getValue() == null) values.remove(e.getKey());
            else values.put(e.getKey(), Item.widened(e.getValue()));
        }
        for (var e : setIfAbsent.entrySet()) {
            requireNotKey(e.getKey());
            if (e.getValue() != null && !values.containsKey(e.getKey())) {
                values.put(e.getKey(), Item.widened(e.getValue()));
            }
        }
        return Optional.of(new Item(values));
    }

    /** The table's key is what identifies an item; an update that changed it would be a different item. */
    static void requireNotKey(String name) {
        if (name.equals(Item.PK) || name.equals(Item.SK)) {
            throw new IllegalArgumentException("an update cannot change the key attribute " + name);
        }
    }

    /**
     * {@link #addWithinLimits} on an item held in memory: {@code current} after the step, or empty when a
     * delta would pass its limit. For adapters that hold items themselves and lock around the read and write.
     */
    static Optional<Item> counted(Optional<Item> current, Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        Map<String, Object> values = new LinkedHashMap<>(item.attributes());
        current.ifPresent(c -> values.putAll(c.attributes()));
        for (var e : deltas.entrySet()) {
            long now = values.get(e.getKey()) instanceof Number n ? n.longValue() : 0;
            Long limit = limits.get(e.getKey());
            if (e.getValue() > 0 && limit != null && now + e.getValue() > limit) return Optional.empty();
            values.put(e.getKey(), now + e.getValue());
        }
        return Optional.of(new Item(values));
    }
}
