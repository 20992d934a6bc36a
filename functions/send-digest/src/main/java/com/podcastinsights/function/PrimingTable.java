package com.podcastinsights.function;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A throwaway in-memory table for SnapStart priming only: the planner runs its whole domain path over it before the
 * snapshot, so nothing real is read or written. Just enough of {@link Table} for the planner; not a contract-held
 * adapter (the CLI's file table and DynamoDB are), so it is package-private and never used to serve a request.
 */
final class PrimingTable implements Table {
    private final Map<String, Item> items = new TreeMap<>();

    private static String key(String pk, String sk) {
        return pk + '\u0000' + sk;
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
        return items.values().stream().filter(i -> i.pk().equals(pk) && i.sk().startsWith(skPrefix)).toList();
    }

    @Override
    public List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        Comparator<Item> order = Comparator.comparing(i -> i.string(Item.GSI1SK));
        return byIndex(Item.GSI1PK, gsi1pk, descending ? order.reversed() : order, limit);
    }

    @Override
    public List<Item> queryIndex2(String gsi2pk, int limit) {
        return byIndex(Item.GSI2PK, gsi2pk, Comparator.comparing(i -> i.string(Item.GSI2SK)), limit);
    }

    private List<Item> byIndex(String attribute, String value, Comparator<Item> order, int limit) {
        return items.values().stream().filter(i -> value.equals(i.string(attribute))).sorted(order).limit(limit).toList();
    }

    @Override
    public void delete(String pk, String sk) {
        items.remove(key(pk, sk));
    }

    @Override
    public boolean replaceIf(Item item, String attribute, String expected) {
        Item old = items.get(key(item.pk(), item.sk()));
        if (old == null || !expected.equals(old.string(attribute))) return false;
        put(item);
        return true;
    }

    @Override
    public boolean updateExisting(String pk, String sk, Map<String, Object> set, Map<String, Object> setIfAbsent) {
        Item old = items.get(key(pk, sk));
        if (old == null) return false;
        Map<String, Object> merged = new HashMap<>(old.attributes());
        set.forEach((k, v) -> {
            if (v == null) merged.remove(k);
            else merged.put(k, v);
        });
        setIfAbsent.forEach(merged::putIfAbsent);
        put(new Item(merged));
        return true;
    }

    @Override
    public boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        throw new UnsupportedOperationException("the planner keeps no counters");
    }
}
