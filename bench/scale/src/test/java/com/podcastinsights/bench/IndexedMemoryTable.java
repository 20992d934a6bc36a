package com.podcastinsights.bench;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.ItemUpdates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The table in memory with real indexes (partitions and both GSIs kept sorted), so the planner's index queries
 * cost what they cost in DynamoDB rather than a scan: the local FileTable reads every file per index query, which
 * suits a local run's few thousand items, not 1,000,000. Same semantics as the Table contract.
 */
final class IndexedMemoryTable implements Table {
    private final Map<String, TreeMap<String, Item>> partitions = new HashMap<>();
    private final Map<String, TreeMap<String, Item>> gsi1 = new HashMap<>();
    private final Map<String, TreeMap<String, Item>> gsi2 = new HashMap<>();
    long writes, reads;

    private static String indexKey(Item i, String sk) {
        return i.string(sk) + "\u0000" + i.pk() + "\u0000" + i.sk();
    }

    private void unindex(Item old) {
        if (old == null) return;
        if (old.string(Item.GSI1PK) != null) gsi1.get(old.string(Item.GSI1PK)).remove(indexKey(old, Item.GSI1SK));
        if (old.string(Item.GSI2PK) != null) gsi2.get(old.string(Item.GSI2PK)).remove(indexKey(old, Item.GSI2SK));
    }

    @Override
    public synchronized void put(Item item) {
        ItemUpdates.requireIndexKeys(item);
        writes++;
        Item old = partitions.computeIfAbsent(item.pk(), k -> new TreeMap<>()).put(item.sk(), item);
        unindex(old);
        if (item.string(Item.GSI1PK) != null && item.string(Item.GSI1SK) != null) {
            gsi1.computeIfAbsent(item.string(Item.GSI1PK), k -> new TreeMap<>()).put(indexKey(item, Item.GSI1SK), item);
        }
        if (item.string(Item.GSI2PK) != null && item.string(Item.GSI2SK) != null) {
            gsi2.computeIfAbsent(item.string(Item.GSI2PK), k -> new TreeMap<>()).put(indexKey(item, Item.GSI2SK), item);
        }
    }

    private Item raw(String pk, String sk) {
        TreeMap<String, Item> p = partitions.get(pk);
        return p == null ? null : p.get(sk);
    }

    @Override
    public synchronized boolean putIfAbsent(Item item) {
        if (raw(item.pk(), item.sk()) != null) return false;
        put(item);
        return true;
    }

    @Override
    public synchronized Optional<Item> get(String pk, String sk) {
        reads++;
        return Optional.ofNullable(raw(pk, sk));
    }

    @Override
    public synchronized List<Item> query(String pk, String skPrefix) {
        reads++;
        TreeMap<String, Item> p = partitions.get(pk);
        if (p == null) return List.of();
        return p.tailMap(skPrefix, true).entrySet().stream().takeWhile(e -> e.getKey().startsWith(skPrefix))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        reads++;
        TreeMap<String, Item> p = gsi1.get(gsi1pk);
        if (p == null) return List.of();
        return (descending ? p.descendingMap() : p).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<Item> queryIndex2(String gsi2pk, int limit) {
        reads++;
        TreeMap<String, Item> p = gsi2.get(gsi2pk);
        return p == null ? List.of() : p.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void delete(String pk, String sk) {
        TreeMap<String, Item> p = partitions.get(pk);
        if (p != null) unindex(p.remove(sk));
    }

    @Override
    public synchronized boolean replaceIf(Item item, String attribute, String expected) {
        Item old = raw(item.pk(), item.sk());
        if (old == null || !expected.equals(old.string(attribute))) return false;
        put(item);
        return true;
    }

    @Override
    public synchronized boolean updateExisting(String pk, String sk, Map<String, Object> set, Map<String, Object> setIfAbsent) {
        Optional<Item> next = ItemUpdates.updated(Optional.ofNullable(raw(pk, sk)), set, setIfAbsent);
        next.ifPresent(this::put);
        return next.isPresent();
    }

    @Override
    public synchronized boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        Optional<Item> next = ItemUpdates.counted(Optional.ofNullable(raw(item.pk(), item.sk())), item, deltas, limits);
        next.ifPresent(this::put);
        return next.isPresent();
    }

    synchronized List<Item> all() {
        List<Item> out = new ArrayList<>();
        partitions.values().forEach(p -> out.addAll(p.values()));
        return out;
    }
}
