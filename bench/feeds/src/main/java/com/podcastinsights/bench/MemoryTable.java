package com.podcastinsights.bench;

import com.podcastinsights.store.ItemUpdates;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The table in memory, so the poll benchmark measures fetching and parsing, not a storage emulator. */
final class MemoryTable implements Table {
    private final ConcurrentSkipListMap<String, Item> items = new ConcurrentSkipListMap<>();

    private static String key(String pk, String sk) {
        return pk + "\u0000" + sk;
    }

    @Override
    public void put(Item item) {
        items.put(key(item.pk(), item.sk()), item);
    }

    @Override
    public boolean putIfAbsent(Item item) {
        return items.putIfAbsent(key(item.pk(), item.sk()), item) == null;
    }

    @Override
    public Optional<Item> get(String pk, String sk) {
        return Optional.ofNullable(items.get(key(pk, sk)));
    }

    @Override
    public List<Item> query(String pk, String skPrefix) {
        String from = key(pk, skPrefix);
        List<Item> out = new ArrayList<>();
        for (var e : items.tailMap(from).entrySet()) {
            if (!e.getKey().startsWith(from)) break;
            out.add(e.getValue());
        }
        return out;
    }

    @Override
    public List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        Comparator<Item> bySk = Comparator.comparing(i -> String.valueOf(i.string(Item.GSI1SK)));
        return items.values().stream()
                .filter(i -> gsi1pk.equals(i.string(Item.GSI1PK)))
                .sorted(descending ? bySk.reversed() : bySk)
                .limit(limit)
                .toList();
    }

    @Override
    public void delete(String pk, String sk) {
        items.remove(key(pk, sk));
    }

    @Override
    public synchronized boolean addWithinLimits(Item item, java.util.Map<String, Long> deltas, java.util.Map<String, Long> limits) {
        Optional<Item> next = ItemUpdates.counted(get(item.pk(), item.sk()), item, deltas, limits);
        next.ifPresent(this::put);
        return next.isPresent();
    }

    @Override
    public boolean updateExisting(String pk, String sk, java.util.Map<String, Object> set,
                                  java.util.Map<String, Object> setIfAbsent) {
        // the benchmark's writer is one thread; the lock only keeps the contract
        synchronized (this) {
            Optional<Item> next = ItemUpdates.updated(get(pk, sk), set, setIfAbsent);
            next.ifPresent(this::put);
            return next.isPresent();
        }
    }
}
