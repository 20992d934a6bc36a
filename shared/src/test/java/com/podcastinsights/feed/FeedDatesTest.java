package com.podcastinsights.feed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FeedDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sun, 29 Nov 2026 09:00:00 GMT   | 2026-11-29T09:00:00Z",
            "Sun, 29 Nov 2026 09:00:00 +0000 | 2026-11-29T09:00:00Z",
            "29 Nov 2026 09:00:00 EST        | 2026-11-29T14:00:00Z",
            "Sun, 29 Nov 26 09:00 PDT        | 2026-11-29T16:00:00Z",
            "Sunday, 29 November 2026 09:00:00 +01:00 | 2026-11-29T08:00:00Z",
            "Sun, 1 Nov 2026 09:00:00 Z      | 2026-11-01T09:00:00Z",
            "Sun, 29 Nov 2026                | 2026-11-29T00:00:00Z",
            "2026-11-29T09:00:00Z            | 2026-11-29T09:00:00Z",
            "2026-11-29T09:00:00.250+02:00   | 2026-11-29T07:00:00.250Z",
            "2026-11-29T09:00:00+0200        | 2026-11-29T07:00:00Z",
            "2026-11-29 09:00:00             | 2026-11-29T09:00:00Z",
            "2026-11-29                      | 2026-11-29T00:00:00Z"})
    void readsCommonForms(String text, String iso) {
        assertEquals(iso, FeedDates.toIso(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon, 30 Feb 2026 10:00:00 GMT", "2026-02-30T10:00:00Z", "Sun, 29 Foo 2026 09:00:00 GMT",
            "Sun, 29 Nov 2026 25:00:00 GMT", "yesterday", "", "2026-13-01"})
    void impossibleOrUnreadableDatesAreNull(String text) {
        assertNull(FeedDates.parse(text));
    }
}
