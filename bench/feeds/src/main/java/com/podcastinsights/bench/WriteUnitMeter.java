package com.podcastinsights.bench;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.ForwardingTable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link Table} that bills every request as DynamoDB on-demand does, by item size: a write is one write unit per
 * started KB of the larger of the item before and after it (a conditional put that fails pays too, for the item it
 * would have written), a strongly consistent read one read unit per started 4 KB (the adapter reads with
 * ConsistentRead). Sizes follow DynamoDB's rule: attribute names plus values (strings as UTF-8, numbers about one
 * byte per two digits plus one, booleans one byte, lists 3 bytes plus each element and one byte for it).
 */
final class WriteUnitMeter extends ForwardingTable {
    private long writeUnits;
    private long writeRequests;
    private long readUnits;
    private long readRequests;

    WriteUnitMeter(Table inner) {
        super(inner);
    }

    long writeUnits() { return writeUnits; }
    long writeRequests() { return writeRequests; }
    long readUnits() { return readUnits; }
    long readRequests() { return readRequests; }

    void reset() {
        writeUnits = writeRequests = readUnits = readRequests = 0;
    }

    static long size(Item item) {
        long bytes = 0;
        for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
            bytes += utf8(e.getKey()) + valueSize(e.getValue());
        }
        return bytes;
    }

    private static long valueSize(Object v) {
        if (v instanceof String s) return utf8(s);
        if (v instanceof Boolean) return 1;
        if (v instanceof Number n) {
            int digits = new BigDecimal(n.toString()).stripTrailingZeros().unscaledValue().abs().toString().length();
            return (digits + 1) / 2 + 1;
        }
        if (v instanceof List<?> l) {
            long bytes = 3;
            for (Object o : l) bytes += valueSize(o) + 1;
            return bytes;
        }
        return 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private long existingSize(String pk, String sk) {
        return inner.get(pk, sk).map(WriteUnitMeter::size).orElse(0L);
    }

    private void write(long bytes) {
        writeRequests++;
        writeUnits += Math.max(1, (bytes + 1023) / 1024);
    }

    private void read(long bytes) {
        readRequests++;
        readUnits += Math.max(1, (bytes + 4095) / 4096);
    }

    @Override
    public void put(Item item) {
        write(Math.max(size(item), existingSize(item.pk(), item.sk())));
        inner.put(item);
    }

    @Override
    public boolean putIfAbsent(Item item) {
        write(Math.max(size(item), existingSize(item.pk(), item.sk())));
        return inner.putIfAbsent(item);
    }

    /** A read billed by the size of what it found. */
    private List<Item> read(List<Item> found) {
        read(found.stream().mapToLong(WriteUnitMeter::size).sum());
        return found;
    }

    /** An update in place, billed by the larger of the item before and after it. */
    private boolean update(String pk, String sk, BooleanSupplier request) {
        long before = existingSize(pk, sk);
        boolean done = request.getAsBoolean();
        write(Math.max(before, existingSize(pk, sk)));
        return done;
    }

    @Override
    public Optional<Item> get(String pk, String sk) {
        Optional<Item> found = inner.get(pk, sk);
        read(found.map(WriteUnitMeter::size).orElse(0L));
        return found;
    }

    @Override
    public List<Item> query(String pk, String skPrefix) {
        return read(inner.query(pk, skPrefix));
    }

    @Override
    public List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        return read(inner.queryIndex(gsi1pk, descending, limit));
    }

    @Override
    public void delete(String pk, String sk) {
        write(existingSize(pk, sk));
        inner.delete(pk, sk);
    }

    @Override
    public boolean updateExisting(String pk, String sk, Map<String, Object> set, Map<String, Object> setIfAbsent) {
        return update(pk, sk, () -> inner.updateExisting(pk, sk, set, setIfAbsent));
    }

    @Override
    public boolean replaceIf(Item item, String attribute, String expected) {
        write(Math.max(size(item), existingSize(item.pk(), item.sk())));
        return inner.replaceIf(item, attribute, expected);
    }

    @Override
    public List<Item> queryIndex2(String gsi2pk, int limit) {
        return read(inner.queryIndex2(gsi2pk, limit));
    }

    @Override
    public boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        return update(item.pk(), item.sk(), () -> inner.addWithinLimits(item, deltas, limits));
    }
}
