package com.podcastinsights.feed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"1:02:03, 3723", "01:00:00, 3600", "75:30, 4530", "5:07, 307", "3600, 3600", "61.08, 61",
            "' 42 ', 42", "0:59.5, 59"})
    void readsTheFormsFeedsUse(String text, int seconds) {
        assertEquals(seconds, Durations.seconds(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "about an hour", "1:2:3:4", "1:75:00", "10:61", "-5", "1.5:00", "::", "12 min"})
    void garbageIsNull(String text) {
        assertNull(Durations.seconds(text));
    }
}
