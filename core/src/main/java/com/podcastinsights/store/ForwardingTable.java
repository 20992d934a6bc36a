package com.podcastinsights.store;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table that passes every call to another: the one place a wrapper (a meter, a fault injector) gets the
 * methods it does not change, so a new {@link Table} method is added here once, not in every wrapper.
 */
public abstract class ForwardingTable implements Table {
    protected final Table inner;

    protected ForwardingTable(Table inner) {
        this.inner = inner;
    }

    @Override public void put(Item item) { inner.put(item); }
    @Override public boolean putIfAbsent(Item item) { return inner.putIfAbsent(item); }
    @Override public Optional<Item> get(String pk, String sk) { return inner.get(pk, sk); }
    @Override public List<Item> query(String pk, String skPrefix) { return inner.query(pk, skPrefix); }
    @Override public List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        return inner.queryIndex(gsi1pk, descending, limit);
    }
    @Override public List<Item> queryIndex2(String gsi2pk, int limit) { return inner.queryIndex2(gsi2pk, limit); }
    @Override public void delete(String pk, String sk) { inner.delete(pk, sk); }
    @Override public boolean replaceIf(Item item, String attribute, String expected) {
        return inner.replaceIf(item, attribute, expected);
    }
    @Override public boolean updateExisting(String pk, String sk, Map<String, Object> set,
                                            Map<String, Object> setIfAbsent) {
        return inner.updateExisting(pk, sk, set, setIfAbsent);
    }
    @Override public boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        return inner.addWithinLimits(item, deltas, limits);
    }
}
