package com.podcastinsights.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every Table must do; DynamoDB and the local folder both run it. */
public abstract class TableContract {
    protected Table table;

    /** A fresh, empty table. */
    protected abstract Table newTable() throws Exception;

    @BeforeEach
    void createTable() throws Exception {
        table = newTable();
    }

    private static List<String> sks(List<Item> items) {
        return items.stream().map(Item::sk).toList();
    }

    private static List<String> gsi1sks(List<Item> items) {
        return items.stream().map(i -> i.string(Item.GSI1SK)).toList();
    }

    @Test
    void keepsEveryValueTypeAndUnicode() {
        Item item = Item.of("FEED#ünï 🎙", "EPISODE#日本語")
                .with("title", "Café ☕ — «quotes» \"and\" \\ 🎧")
                .with("empty", "")
                .with("count", 42L)
                .with("negative", -7L)
                .with("big", Long.MAX_VALUE)
                .with("score", 0.873125)
                .with("small", -1.5e-7)
                .with("active", true)
                .with("removed", false)
                .with("tags", List.of("a", "b c", "ü 🎧"))
                .with("none", List.of())
                .build();

        table.put(item);
        Item read = table.get("FEED#ünï 🎙", "EPISODE#日本語").orElseThrow();

        assertEquals(item.attributes(), read.attributes());
        assertEquals(Long.class, read.attributes().get("count").getClass());
        assertEquals(Double.class, read.attributes().get("score").getClass());
        assertEquals(Boolean.class, read.attributes().get("removed").getClass());
    }

    @Test
    void missingItemIsEmpty() {
        table.put(Item.of("FEED#a", "FEED").build());

        assertTrue(table.get("FEED#a", "EPISODE#1").isEmpty());
        assertTrue(table.get("FEED#b", "FEED").isEmpty());
    }

    @Test
    void putReplacesTheWholeItem() {
        table.put(Item.of("FEED#a", "FEED").with("title", "old").with("extra", 1L).build());
        table.put(Item.of("FEED#a", "FEED").with("title", "new").build());

        assertEquals(Map.of("PK", "FEED#a", "SK", "FEED", "title", "new"),
                table.get("FEED#a", "FEED").orElseThrow().attributes());
    }

    @Test
    void putIfAbsentWritesOnlyTheFirstTime() {
        assertTrue(table.putIfAbsent(Item.of("EPISODE#1", "DIGEST#2026-11-30").with("by", "first").build()));
        assertFalse(table.putIfAbsent(Item.of("EPISODE#1", "DIGEST#2026-11-30").with("by", "second")
                .with("more", 1L).build()));

        assertEquals(Map.of("PK", "EPISODE#1", "SK", "DIGEST#2026-11-30", "by", "first"),
                table.get("EPISODE#1", "DIGEST#2026-11-30").orElseThrow().attributes());
        assertTrue(table.putIfAbsent(Item.of("EPISODE#1", "DIGEST#2026-12-01").build()), "another SK is absent");
    }

    @Test
    void queryReturnsThePrefixOfOnePartitionAscending() {
        table.put(Item.of("FEED#a", "EPISODE#003").build());
        table.put(Item.of("FEED#a", "EPISODE#001").build());
        table.put(Item.of("FEED#a", "FEED").build());
        table.put(Item.of("FEED#a", "EPISODE#002").build());
        table.put(Item.of("FEED#b", "EPISODE#000").build());

        assertEquals(List.of("EPISODE#001", "EPISODE#002", "EPISODE#003"), sks(table.query("FEED#a", "EPISODE#")));
        assertEquals(List.of("EPISODE#001", "EPISODE#002", "EPISODE#003", "FEED"), sks(table.query("FEED#a", "")));
        assertEquals(List.of(), table.query("FEED#a", "INSIGHT#"));
        assertEquals(List.of(), table.query("FEED#zzz", "EPISODE#"));
    }

    @Test
    void queryIndexOrdersByIndexSortKeyBothWaysAndLimits() {
        List<String> scores = List.of("0.500000#e1#01", "0.910000#e2#01", "0.120000#e3#02", "0.910000#e2#02");
        int n = 0;
        for (String s : scores) {
            table.put(Item.of("EPISODE#x" + n, "INSIGHT#0" + n++).index("DAY#2026-11-30", s).build());
        }
        table.put(Item.of("EPISODE#y", "INSIGHT#01").index("DAY#2026-11-29", "0.990000#y#01").build());
        table.put(Item.of("EPISODE#z", "INSIGHT#01").with("note", "not in the index").build());

        assertEquals(List.of("0.120000#e3#02", "0.500000#e1#01", "0.910000#e2#01", "0.910000#e2#02"),
                gsi1sks(table.queryIndex("DAY#2026-11-30", false, 10)));
        assertEquals(List.of("0.910000#e2#02", "0.910000#e2#01"),
                gsi1sks(table.queryIndex("DAY#2026-11-30", true, 2)));
        assertEquals(List.of(), table.queryIndex("DAY#2026-12-01", true, 5));
    }

    @Test
    void queryIndex2ReadsOnePartitionOfTheSecondIndexAscending() {
        table.put(Item.of("SUBSCRIBER#b@x.org", "SUBSCRIBER").index("SUBSCRIBERS", "b@x.org")
                .index2("SEND#Asia/Tokyo#07", "b@x.org").with("n", 2L).build());
        table.put(Item.of("SUBSCRIBER#a@x.org", "SUBSCRIBER").index2("SEND#Asia/Tokyo#07", "a@x.org").build());
        table.put(Item.of("SUBSCRIBER#c@x.org", "SUBSCRIBER").index2("SEND#Asia/Tokyo#08", "c@x.org").build());
        table.put(Item.of("SUBSCRIBER#d@x.org", "SUBSCRIBER").index("SUBSCRIBERS", "d@x.org").build());

        List<Item> due = table.queryIndex2("SEND#Asia/Tokyo#07", 10);
        assertEquals(List.of("SUBSCRIBER#a@x.org", "SUBSCRIBER#b@x.org"), due.stream().map(Item::pk).toList());
        assertEquals(2L, due.get(1).number("n", 0));
        assertEquals(1, table.queryIndex2("SEND#Asia/Tokyo#07", 1).size());
        assertEquals(List.of(), table.queryIndex2("SEND#Europe/Paris#07", 10));
        // leaving the index: the item without its GSI2 keys is not listed any more
        table.put(Item.of("SUBSCRIBER#a@x.org", "SUBSCRIBER").build());
        assertEquals(List.of("SUBSCRIBER#b@x.org"), table.queryIndex2("SEND#Asia/Tokyo#07", 10).stream().map(Item::pk).toList());
    }

    @Test
    void replaceIfIsACompareAndSetOnOneAttribute() {
        Item claimed = Item.of("SUBSCRIBER#a@x.org", "DIGEST#2026-06-15").with("owner", "o1").with("status", "CLAIMED").build();
        assertFalse(table.replaceIf(claimed, "owner", "o1"), "no item yet: nothing to compare with");
        assertTrue(table.get(claimed.pk(), claimed.sk()).isEmpty());
        table.put(claimed);

        Item taken = Item.of(claimed.pk(), claimed.sk()).with("owner", "o2").with("status", "CLAIMED").build();
        assertTrue(table.replaceIf(taken, "owner", "o1"));
        Item late = Item.of(claimed.pk(), claimed.sk()).with("owner", "o1").with("status", "SENDING").build();
        assertFalse(table.replaceIf(late, "owner", "o1"), "o1 lost the item to o2");
        assertEquals(taken.attributes(), table.get(claimed.pk(), claimed.sk()).orElseThrow().attributes());
    }

    @Test
    void indexItemsCarryAllTheirAttributes() {
        Item item = Item.of("SUBSCRIBER#a@example.com", "SUBSCRIBER").index("SUBSCRIBERS", "a@example.com")
                .with("name", "Ada").with("since", 3L).build();
        table.put(item);

        assertEquals(List.of(item), table.queryIndex("SUBSCRIBERS", false, 5));
    }

    @Test
    void readsPastOnePage() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 7; i++) order.add(i);
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
            table.put(Item.of("FEED#many", "EPISODE#" + i).index("FEEDS", "feed-" + i).build());
        }

        assertEquals(List.of("EPISODE#0", "EPISODE#1", "EPISODE#2", "EPISODE#3", "EPISODE#4", "EPISODE#5",
                "EPISODE#6"), sks(table.query("FEED#many", "EPISODE#")));
        assertEquals(List.of("feed-6", "feed-5", "feed-4", "feed-3", "feed-2"),
                gsi1sks(table.queryIndex("FEEDS", true, 5)));
        assertEquals(7, table.queryIndex("FEEDS", false, 100).size());
    }

    @Test
    void refusesIndexKeysThatAreNotNonEmptyStrings() {
        assertThrows(RuntimeException.class, () -> table.put(Item.of("P", "S").with(Item.GSI1PK, "X")
                .with(Item.GSI1SK, 5L).build()));
        assertThrows(RuntimeException.class, () -> table.put(Item.of("P", "S").with(Item.GSI1PK, "")
                .with(Item.GSI1SK, "a").build()));
        assertTrue(table.get("P", "S").isEmpty());
    }

    @Test
    void deleteRemovesOneItem() {
        table.put(Item.of("FEED#a", "EPISODE#1").build());
        table.put(Item.of("FEED#a", "EPISODE#2").build());

        table.delete("FEED#a", "EPISODE#1");
        table.delete("FEED#a", "EPISODE#9");

        assertTrue(table.get("FEED#a", "EPISODE#1").isEmpty());
        assertEquals(List.of("EPISODE#2"), sks(table.query("FEED#a", "EPISODE#")));
        assertTrue(table.putIfAbsent(Item.of("FEED#a", "EPISODE#1").build()), "a deleted key is absent again");
    }

    @Test
    void updateExistingChangesOnlyTheNamedAttributes() {
        table.put(Item.of("FEED#u", "FEED").index("FEEDS", "u").with("url", "https://a.example/feed")
                .with("transcribe", true).with("lastError", "HTTP 500").with("consecutiveFailures", 3L).build());
        java.util.Map<String, Object> set = new java.util.HashMap<>();
        set.put("consecutiveFailures", 0);
        set.put("lastError", null);
        set.put("lastSuccessAt", "2026-11-30T06:00:00Z");
        assertTrue(table.updateExisting("FEED#u", "FEED", set, Map.of("title", "From the feed", "url", "https://b.example")));
        Item stored = table.get("FEED#u", "FEED").orElseThrow();
        assertEquals(0L, stored.number("consecutiveFailures", -1));
        assertEquals(null, stored.string("lastError"), "a null value removes the attribute");
        assertEquals("2026-11-30T06:00:00Z", stored.string("lastSuccessAt"));
        assertEquals("From the feed", stored.string("title"), "absent, so set");
        assertEquals("https://a.example/feed", stored.string("url"), "present, so kept");
        assertTrue(stored.flag("transcribe"), "not named, so untouched");
        assertEquals("u", stored.string(Item.GSI1SK));
        assertEquals(1, table.queryIndex("FEEDS", false, 10).size(), "still in the index");
    }

    @Test
    void updateExistingNeverBringsBackADeletedItem() {
        table.put(Item.of("FEED#gone", "FEED").with("url", "u").build());
        table.delete("FEED#gone", "FEED");
        assertFalse(table.updateExisting("FEED#gone", "FEED", Map.of("lastSuccessAt", "now"), Map.of("title", "t")));
        assertTrue(table.get("FEED#gone", "FEED").isEmpty());
        assertFalse(table.updateExisting("FEED#never", "FEED", Map.of("lastSuccessAt", "now"), Map.of()));
        assertTrue(table.get("FEED#never", "FEED").isEmpty());
    }

    @Test
    void aCounterAddsUpToItsLimitsAndNoFurther() {
        Item budget = Item.of("BUDGET#2026-11-30", "BUDGET").with("type", "Budget").with("ttl", 1_800_000_000L).build();
        Map<String, Long> limits = Map.of("tokens", 1_000L, "microUsd", 500L);
        assertTrue(table.addWithinLimits(budget, Map.of("tokens", 600L, "microUsd", 100L), limits));
        assertFalse(table.addWithinLimits(budget, Map.of("tokens", 401L, "microUsd", 100L), limits), "tokens would pass");
        assertFalse(table.addWithinLimits(budget, Map.of("tokens", 10L, "microUsd", 401L), limits), "cost would pass");
        assertTrue(table.addWithinLimits(budget, Map.of("tokens", 400L, "microUsd", 400L), limits), "exactly at the limits");
        Item stored = table.get("BUDGET#2026-11-30", "BUDGET").orElseThrow();
        assertEquals(1_000L, stored.number("tokens", -1));
        assertEquals(500L, stored.number("microUsd", -1));
        assertEquals("Budget", stored.string("type"));
        assertEquals(1_800_000_000L, stored.number("ttl", -1));
    }

    @Test
    void givingBackAlwaysAppliesAndCreationAttributesAreNotOverwritten() {
        Item first = Item.of("BUDGET#d", "BUDGET").with("type", "Budget").with("ttl", 100L).build();
        assertTrue(table.addWithinLimits(first, Map.of("tokens", 900L), Map.of("tokens", 1_000L)));
        Item later = Item.of("BUDGET#d", "BUDGET").with("type", "Budget").with("ttl", 999L).build();
        assertTrue(table.addWithinLimits(later, Map.of("tokens", -300L), Map.of("tokens", 1_000L)));
        Item stored = table.get("BUDGET#d", "BUDGET").orElseThrow();
        assertEquals(600L, stored.number("tokens", -1));
        assertEquals(100L, stored.number("ttl", -1), "set once, at creation");
        assertFalse(table.addWithinLimits(later, Map.of("tokens", 2_000L), Map.of("tokens", 1_000L)),
                "a delta beyond the limit on its own fails");
        assertEquals(600L, table.get("BUDGET#d", "BUDGET").orElseThrow().number("tokens", -1));
    }

    /**
     * Twenty callers race for twelve units, several rounds. Each adapter must make the check and the add one
     * atomic step; DynamoDbTableContractTest says how the emulator is kept from breaking what DynamoDB guarantees.
     */
    @Test
    void concurrentCountersNeverPassTheLimit() throws Exception {
        int rounds = Integer.getInteger("contract.race.rounds", 5);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < rounds; round++) {
                String pk = "BUDGET#race" + round;
                Item counter = Item.of(pk, "BUDGET").build();
                List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    results.add(pool.submit(() -> table.addWithinLimits(counter, Map.of("n", 1L), Map.of("n", 12L))));
                }
                int granted = 0;
                for (var r : results) if (r.get()) granted++;
                assertEquals(12, granted, "round " + round);
                assertEquals(12L, table.get(pk, "BUDGET").orElseThrow().number("n", -1), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
