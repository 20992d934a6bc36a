package com.podcastinsights.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item of the single table, as plain Java values so that the domain never sees an SDK type.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@code List<String>}.
 * Every item has the key attributes {@code PK} and {@code SK}; items that belong to an access pattern
 * by index also carry {@code GSI1PK} and {@code GSI1SK}.
 */
public record Item(Map<String, Object> attributes) {
    /** The table's key, and each index's: a partition key and a sort key. */
    public static final String PK = "PK", SK = "SK";
    public static final String GSI1PK = "GSI1PK", GSI1SK = "GSI1SK";
    /** The second (sparse) index: who is due at a send hour, see {@link Table#queryIndex2}. */
    public static final String GSI2PK = "GSI2PK", GSI2SK = "GSI2SK";

    public Item {
        Objects.requireNonNull(attributes.get(PK), "item needs PK");
        Objects.requireNonNull(attributes.get(SK), "item needs SK");
        for (var e : attributes.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                    || v instanceof List<?>)) {
                throw new IllegalArgumentException("unsupported value for " + e.getKey() + ": " + v);
            }
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Builder of(String pk, String sk) {
        return new Builder().with(PK, pk).with(SK, sk);
    }

    public String pk() { return (String) attributes.get(PK); }

    public String sk() { return (String) attributes.get(SK); }

    public String string(String name) {
        Object v = attributes.get(name);
        return v == null ? null : v.toString();
    }

    public long number(String name, long fallback) {
        Object v = attributes.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    public double decimal(String name, double fallback) {
        Object v = attributes.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(attributes.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object v = attributes.get(name);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** Integer and Float as the Long and Double an item holds; every other value as it is. */
    public static Object widened(Object value) {
        if (value instanceof Integer i) return i.longValue();
        if (value instanceof Float f) return f.doubleValue();
        return value;
    }

    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        /** Null values are skipped, so optional attributes can be passed straight through. */
        public Builder with(String name, Object value) {
            value = widened(value);
            if (value != null) values.put(name, value);
            return this;
        }

        public Builder index(String gsi1pk, String gsi1sk) {
            return with(GSI1PK, gsi1pk).with(GSI1SK, gsi1sk);
        }

        public Builder index2(String gsi2pk, String gsi2sk) {
            return with(GSI2PK, gsi2pk).with(GSI2SK, gsi2sk);
        }

        public Item build() { return new Item(values); }
    }
}
