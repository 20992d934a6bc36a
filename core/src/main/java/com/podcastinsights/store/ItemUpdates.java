package com.podcastinsights.store;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Table} operations on an item held in memory, for the tables that hold items themselves and lock
 * around the read and the write (the file table, the in-memory fakes); and the key rule every table enforces.
 */
public final class ItemUpdates {
    private ItemUpdates() {
    }

    /**
     * {@link Table#updateExisting} in memory: {@code current} after the change, or empty when there is no item.
     */
    public static Optional<Item> updated(Optional<Item> current, Map<String, Object> set, Map<String, Object> setIfAbsent) {
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
    public static void requireNotKey(String name) {
        if (name.equals(Item.PK) || name.equals(Item.SK)) {
            throw new IllegalArgumentException("an update cannot change the key attribute " + name);
        }
    }

    /** {@link Table#addWithinLimits} in memory: {@code current} after the step, or empty when a delta would pass its limit. */
    public static Optional<Item> counted(Optional<Item> current, Item item, Map<String, Long> deltas, Map<String, Long> limits) {
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

    /** DynamoDB refuses these too: the table declares the index keys as non-empty strings. */
    public static Item requireIndexKeys(Item item) {
        for (String indexKey : java.util.List.of(Item.GSI1PK, Item.GSI1SK, Item.GSI2PK, Item.GSI2SK)) {
            Object v = item.attributes().get(indexKey);
            if (v != null && !(v instanceof String s && !s.isEmpty())) {
                throw new IllegalArgumentException(indexKey + " must be a non-empty string, not " + v);
            }
        }
        return item;
    }
}
