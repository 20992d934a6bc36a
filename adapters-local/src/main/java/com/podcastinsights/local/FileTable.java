package com.podcastinsights.local;

import com.podcastinsights.store.ItemUpdates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.nio.file.DirectoryNotEmptyException;

/**
 * The single table in a folder, one pretty-printed JSON object per item:
 *
 * <pre>
 *   root/&lt;encoded PK&gt;/&lt;encoded SK&gt;.json     e.g. root/_F_E_E_D%23abc/_F_E_E_D.json for PK "FEED#abc", SK "FEED"
 * </pre>
 *
 * <p>Encoding keeps {@code a-z}, {@code 0-9} and {@code -}; writes an upper-case letter as {@code _} plus the
 * letter; and writes every other UTF-8 byte as {@code %XX}. So any key is a safe file name, and two keys never
 * share a file even on a case-insensitive file system (macOS, Windows). Names are never decoded: the item's
 * JSON holds its PK and SK. File names are limited to 255 bytes, so a key is limited to roughly 80-250 characters.
 *
 * <p>JSON keeps the value types apart: a Long is written without a decimal point, a Double always with one.
 * putIfAbsent is exclusive across threads and processes (see {@link AtomicFiles#writeIfAbsent}). The GSI1 and GSI2
 * queries read every item, which is fine for a local run's few thousand items.
 */
public final class FileTable implements Table {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NAME_BYTES = 250;

    private final Path root;

    public FileTable(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public void put(Item item) {
        AtomicFiles.write(file(item.pk(), item.sk()), serialize(item));
    }

    @Override
    public boolean putIfAbsent(Item item) {
        return AtomicFiles.writeIfAbsent(file(item.pk(), item.sk()), serialize(item));
    }

    /** Local runs are one process; one lock for all counters of every FileTable in it is plenty. */
    private static final Object COUNTERS = new Object();

    @Override
    public boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        synchronized (COUNTERS) {
            Optional<Item> next = ItemUpdates.counted(get(item.pk(), item.sk()), item, deltas, limits);
            next.ifPresent(this::put);
            return next.isPresent();
        }
    }

    /** Under the counters' lock, as is {@link #delete}: an update never brings back an item deleted meanwhile. */
    @Override
    public boolean updateExisting(String pk, String sk, Map<String, Object> set, Map<String, Object> setIfAbsent) {
        synchronized (COUNTERS) {
            Optional<Item> next = ItemUpdates.updated(get(pk, sk), set, setIfAbsent);
            next.ifPresent(this::put);
            return next.isPresent();
        }
    }

    @Override
    public Optional<Item> get(String pk, String sk) {
        return read(file(pk, sk));
    }

    @Override
    public List<Item> query(String pk, String skPrefix) {
        String prefix = skPrefix == null ? "" : skPrefix;
        return items(root.resolve(encode(pk)), 1).stream()
                .filter(i -> i.sk().startsWith(prefix))
                .sorted(Comparator.comparing(Item::sk, Utf8Order.COMPARATOR))
                .toList();
    }

    @Override
    public List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        if (limit <= 0) return List.of();
        // Ties on GSI1SK are broken by the table key so that the order is stable from run to run.
        Comparator<Item> order = Comparator.comparing((Item i) -> i.string(Item.GSI1SK), Utf8Order.COMPARATOR)
                .thenComparing(Item::pk, Utf8Order.COMPARATOR)
                .thenComparing(Item::sk, Utf8Order.COMPARATOR);
        return queryIndex(Item.GSI1PK, Item.GSI1SK, gsi1pk, descending ? order.reversed() : order, limit);
    }

    @Override
    public List<Item> queryIndex2(String gsi2pk, int limit) {
        if (limit <= 0) return List.of();
        return queryIndex(Item.GSI2PK, Item.GSI2SK, gsi2pk,
                Comparator.comparing((Item i) -> i.string(Item.GSI2SK), Utf8Order.COMPARATOR)
                        .thenComparing(Item::pk, Utf8Order.COMPARATOR), limit);
    }

    /** Like DynamoDB's sparse index: an item is in an index only when it has both its attributes as strings. */
    private List<Item> queryIndex(String pkAttribute, String skAttribute, String pk, Comparator<Item> order, int limit) {
        return items(root, 2).stream()
                .filter(i -> i.attributes().get(pkAttribute) instanceof String p && p.equals(pk)
                        && i.attributes().get(skAttribute) instanceof String)
                .sorted(order)
                .limit(limit)
                .toList();
    }

    /** Under the counters' lock, as every read-then-write here. */
    @Override
    public boolean replaceIf(Item item, String attribute, String expected) {
        synchronized (COUNTERS) {
            Optional<Item> old = get(item.pk(), item.sk());
            if (old.isEmpty() || !expected.equals(old.get().string(attribute))) return false;
            put(item);
            return true;
        }
    }

    @Override
    public void delete(String pk, String sk) {
        synchronized (COUNTERS) {
            try {
                Files.deleteIfExists(file(pk, sk));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + pk + " / " + sk, e);
            }
        }
    }

    /**
     * Removes partition folders that no item is left in. A folder is named after its partition key, which can
     * be personal data (a subscriber's address), so erasing a reader's items must take the folder too. Not part
     * of delete itself: a concurrent put could be about to write into the folder.
     */
    public void removeEmptyPartitions() {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> partitions = Files.list(root)) {
            for (Path p : partitions.filter(Files::isDirectory).toList()) {
                try (Stream<Path> inside = Files.list(p)) {
                    if (inside.findAny().isPresent()) continue;
                }
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException racedWithAPut) {
                    // an item arrived meanwhile; the folder is in use again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private Path file(String pk, String sk) {
        return root.resolve(encode(pk)).resolve(encode(sk) + ".json");
    }

    static String encode(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) throw new IllegalArgumentException("table keys cannot be empty");
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                out.append('_').append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        if (out.length() > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("key too long for a local file name: " + key);
        }
        return out.toString();
    }

    private List<Item> items(Path dir, int depth) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, depth)) {
            files.filter(p -> p.getFileName().toString().endsWith(".json") && !AtomicFiles.isTemp(p))
                    .forEach(p -> read(p).ifPresent(items::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return items;
    }

    private static byte[] serialize(Item item) {
        ItemUpdates.requireIndexKeys(item);
        ObjectNode node = JSON.createObjectNode();
        item.attributes().forEach((name, value) -> {
            switch (value) {
                case String s -> node.put(name, s);
                case Long l -> node.put(name, l);
                case Double d -> {
                    if (d.isNaN() || d.isInfinite()) {
                        throw new IllegalArgumentException("the table cannot store " + d + " in " + name);
                    }
                    node.put(name, d);
                }
                case Boolean b -> node.put(name, b);
                case List<?> list -> {
                    var array = node.putArray(name);
                    for (Object e : list) {
                        if (!(e instanceof String s)) {
                            throw new IllegalArgumentException("list " + name + " may hold only strings, not " + e);
                        }
                        array.add(s);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported value for " + name + ": " + value);
            }
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Item> read(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted since it was listed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table item " + file, e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> values.put(f.getKey(), value(file, f.getKey(), f.getValue())));
        return Optional.of(new Item(values));
    }

    private static Object value(Path file, String name, JsonNode v) {
        if (v.isTextual()) return v.asText();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isFloatingPointNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isArray()) {
            List<String> list = new ArrayList<>();
            v.forEach(e -> list.add(e.asText()));
            return List.copyOf(list);
        }
        throw new IllegalStateException(file + ": attribute " + name + " has an unexpected JSON type " + v);
    }
}
