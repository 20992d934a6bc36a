package com.podcastinsights.fakes;

import com.podcastinsights.store.ItemUpdates;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link Table} in a sorted map, for service and handler tests. Counts writes and reads so tests can assert on them:
 * {@link #writes()} the items written, {@link #writeRequests()} every write request DynamoDB would bill, a failed
 * conditional one included.
 */
public final class InMemoryTable implements Table {
    private final Map<String, Item> items = new TreeMap<>();
    private int writes;
    private int writeRequests;
    private int reads;

    private static String key(String pk, String sk) {
        return pk + "\u0000" + sk;
    }

    @Override
    public synchronized void put(Item item) {
        writeRequests++;
        store(item);
    }

    private void store(Item item) {
        ItemUpdates.requireIndexKeys(item);
        writes++;
        items.put(key(item.pk(), item.sk()), item);
    }

    @Override
    public synchronized boolean putIfAbsent(Item item) {
        writeRequests++;
        if (items.containsKey(key(item.pk(), item.sk()))) return false;
        store(item);
        return true;
    }

    @Override
    public synchronized Optional<Item> get(String pk, String sk) {
        reads++;
        return Optional.ofNullable(items.get(key(pk, sk)));
    }

    @Override
    public synchronized List<Item> query(String pk, String skPrefix) {
        reads++;
        return items.values().stream()
                .filter(i -> i.pk().equals(pk) && i.sk().startsWith(skPrefix))
                .sorted(Comparator.comparing(Item::sk))
                .toList();
    }

    @Override
    public synchronized List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        reads++;
        Comparator<Item> order = Comparator.comparing(i -> i.string(Item.GSI1SK));
        List<Item> matching = new ArrayList<>(items.values().stream()
                .filter(i -> gsi1pk.equals(i.string(Item.GSI1PK)))
                .sorted(descending ? order.reversed() : order)
                .toList());
        return matching.subList(0, Math.min(limit, matching.size()));
    }

    @Override
    public synchronized List<Item> queryIndex2(String gsi2pk, int limit) {
        reads++;
        return items.values().stream()
                .filter(i -> gsi2pk.equals(i.string(Item.GSI2PK)) && i.string(Item.GSI2SK) != null)
                .sorted(Comparator.comparing(i -> i.string(Item.GSI2SK)))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean replaceIf(Item item, String attribute, String expected) {
        Item old = items.get(key(item.pk(), item.sk()));
        if (old == null || !expected.equals(old.string(attribute))) return false;
        put(item);
        return true;
    }

    @Override
    public synchronized void delete(String pk, String sk) {
        writeRequests++;
        items.remove(key(pk, sk));
    }

    public synchronized int writes() {
        return writes;
    }

    /** Put, conditional put (whether or not it wrote), update, counter and delete calls so far. */
    public synchronized int writeRequests() {
        return writeRequests;
    }

    /** GetItem and Query calls so far: what a stage's DynamoDB round trips would be. */
    public synchronized int reads() {
        return reads;
    }

    public synchronized List<Item> all() {
        return List.copyOf(items.values());
    }

    public synchronized List<Item> ofType(String type) {
        return items.values().stream().filter(i -> type.equals(i.string("type"))).toList();
    }

    @Override
    public synchronized boolean addWithinLimits(Item item, java.util.Map<String, Long> deltas, java.util.Map<String, Long> limits) {
        writeRequests++;
        Optional<Item> next = ItemUpdates.counted(get(item.pk(), item.sk()), item, deltas, limits);
        next.ifPresent(this::store);
        return next.isPresent();
    }

    @Override
    public synchronized boolean updateExisting(String pk, String sk, java.util.Map<String, Object> set,
                                               java.util.Map<String, Object> setIfAbsent) {
        writeRequests++;
        Optional<Item> next = ItemUpdates.updated(Optional.ofNullable(items.get(key(pk, sk))), set, setIfAbsent);
        next.ifPresent(this::store);
        return next.isPresent();
    }
}
