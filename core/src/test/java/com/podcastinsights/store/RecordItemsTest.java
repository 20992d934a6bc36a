package com.podcastinsights.store;

import com.podcastinsights.port.Item;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordItemsTest {
    record Show(String id, String title, int plays, double score, boolean live, List<String> tags, Set<String> other) {
    }

    private static final RecordItems<Show> ITEMS = new RecordItems<>(Show.class, "showId", "title", "plays", "score",
            "live", "tags", null);

    @Test
    void writesEachComponentUnderItsGivenNameAndReadsTheRecordBack() {
        Show show = new Show("s1", "Title", 7, 0.5, true, List.of("a", "b"), Set.of("kept by the caller"));
        Item item = ITEMS.write(Item.of("PK1", "SK1"), show).build();

        assertEquals(Map.of("PK", "PK1", "SK", "SK1", "showId", "s1", "title", "Title", "plays", 7L, "score", 0.5,
                "live", true, "tags", List.of("a", "b")), item.attributes());
        assertEquals(show, ITEMS.read(item, Set.of("kept by the caller")));
    }

    @Test
    void storesNeitherNullNorFalse() {
        Item item = ITEMS.write(Item.of("PK1", "SK1"), new Show("s1", null, 0, 0, false, List.of(), null)).build();

        assertEquals(Set.of("PK", "SK", "showId", "plays", "score", "tags"), item.attributes().keySet());
        assertEquals(new Show("s1", null, 0, 0, false, List.of(), null), ITEMS.read(item, (Object) null));
    }

    @Test
    void refusesNamesThatDoNotMatchTheComponents() {
        assertThrows(IllegalArgumentException.class, () -> new RecordItems<>(Show.class, "showId", "title"));
        assertThrows(IllegalArgumentException.class, () -> new RecordItems<>(Show.class, "showId", "title", "plays",
                "score", "live", "tags", "other"), "a Set has no item attribute");
    }
}
