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
            "2026-11-29                      | 2026-11-29T00:00:00Z",
            "Tue, 1 Sept 2026 09:00 CET      | 2026-09-01T08:00:00Z",
            "Tue 01 Sep 2026 09:00:00 -0400  | 2026-09-01T13:00:00Z",
            "Mon, 30 Nov, 2026 06:28:00 UTC  | 2026-11-30T06:28:00Z",
            "Mon,30 Nov 2026 06:28 -00:30    | 2026-11-30T06:58:00Z",
            "Mon Nov 30 06:28:00 2026        | 2026-11-30T06:28:00Z",
            "Mon, 30 Nov 2026 06:28:00 GMT+01:00 | 2026-11-30T05:28:00Z",
            "2026-11-29T09:00:00.123456789Z  | 2026-11-29T09:00:00.123456789Z",
            "2026-11-29T09:00Z               | 2026-11-29T09:00:00Z"})
    void readsCommonForms(String text, String iso) {
        assertEquals(iso, FeedDates.toIso(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon, 30 Feb 2026 10:00:00 GMT", "2026-02-30T10:00:00Z", "Sun, 29 Foo 2026 09:00:00 GMT",
            "Sun, 29 Nov 2026 25:00:00 GMT", "yesterday", "", "2026-13-01",
            "Sun, 29 Nov 2026 1:2:3:4 GMT", "Sun, 29 Nov 2026 10:00:00 +zz:00", "2026-11-29T10:00:00+25:00",
            "2026-11-29T10:00:00Zextra", "Sun, 31 Nov 2026 10:00:00 GMT", "Thu, 29 Feb 2026", ",", " , ,"})
    void impossibleOrUnreadableDatesAreNull(String text) {
        // "," was an uncaught StringIndexOutOfBoundsException that failed the whole feed
        assertNull(FeedDates.parse(text));
    }
}
