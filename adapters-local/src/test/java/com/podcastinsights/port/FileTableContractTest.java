package com.podcastinsights.port;

import com.podcastinsights.local.FileTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTableContractTest extends TableContract {
    @TempDir
    Path dir;

    @Override
    protected Table newTable() {
        return new FileTable(dir.resolve("table"));
    }

    @Test
    void concurrentPutIfAbsentHasExactlyOneWinner() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            for (int round = 0; round < 20; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    // Separate instances on one folder, as separate processes would be.
                    Table mine = new FileTable(dir.resolve("table"));
                    Item item = Item.of("DIGEST#" + round, "SUBSCRIBER#x").with("caller", (long) c).build();
                    Callable<Boolean> call = () -> {
                        start.await();
                        return mine.putIfAbsent(item);
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> f : results) if (f.get()) winners++;
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsWholeDoublesAsDoubles() {
        table.put(Item.of("P", "S").with("score", 2.0).with("count", 2L).build());

        Item read = table.get("P", "S").orElseThrow();
        assertEquals(2.0, read.attributes().get("score"));
        assertEquals(2L, read.attributes().get("count"));
    }

    @Test
    void storesOneReadableJsonFilePerItemUnderSafeNames() throws Exception {
        table.put(Item.of("FEED#abc", "FEED").with("title", "T").build());
        table.put(Item.of("../../escape", "a/b\\c:d*?").build());
        table.put(Item.of("feed#abc", "feed").build());

        Path root = dir.resolve("table");
        assertTrue(Files.isRegularFile(root.resolve("_F_E_E_D%23abc").resolve("_F_E_E_D.json")));
        assertTrue(Files.readString(root.resolve("_F_E_E_D%23abc").resolve("_F_E_E_D.json")).contains("\"title\""));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.allMatch(p -> p.startsWith(root) || p.equals(dir)), "nothing outside the root");
        }
        assertEquals("a/b\\c:d*?", table.get("../../escape", "a/b\\c:d*?").orElseThrow().sk());
        assertEquals(2, table.query("FEED#abc", "").size() + table.query("feed#abc", "").size(),
                "keys differing only in case stay apart");
    }
}
