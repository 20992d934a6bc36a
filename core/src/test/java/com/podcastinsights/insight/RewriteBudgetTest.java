package com.podcastinsights.insight;

import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewriteBudgetTest {
    private static final Clock NOV_30 = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTable table = new InMemoryTable();

    @Test
    void twoEnvironmentsShareOneDailyCap() {
        RewriteBudget first = new RewriteBudget(table, 1_000, 100.0, 1.0, 5.0, NOV_30);
        RewriteBudget second = new RewriteBudget(table, 1_000, 100.0, 1.0, 5.0, NOV_30);
        assertTrue(first.reserve(300, 300).isPresent());
        assertFalse(second.reserve(200, 300).isPresent(), "600 + 500 would pass 1,000");
        assertTrue(second.reserve(200, 200).isPresent(), "600 + 400 fits exactly");
        assertEquals(1_000, first.tokensUsedToday());
    }

    @Test
    void settlingGivesBackWhatTheCallDidNotUse() {
        RewriteBudget budget = new RewriteBudget(table, 1_000, 100.0, 1.0, 5.0, NOV_30);
        budget.reserve(300, 600).orElseThrow().settle(280, 120);
        assertEquals(400, budget.tokensUsedToday());
        assertTrue(budget.reserve(300, 300).isPresent(), "the unused output is free again");
        var item = table.get(Keys.budgetPk("2026-11-30"), RewriteBudget.SK).orElseThrow();
        assertEquals("Budget", item.string("type"));
        assertEquals(Instant.parse("2026-12-08T00:00:00Z").getEpochSecond(), item.number("ttl", 0));
    }

    @Test
    void theCostCapHoldsInMicroDollars() {
        // 1,000 input tokens at $3/M and 1,000 output at $15/M: $0.018 per call
        RewriteBudget budget = new RewriteBudget(table, 1_000_000, 0.05, 3.0, 15.0, NOV_30);
        assertTrue(budget.reserve(1_000, 1_000).isPresent());
        assertTrue(budget.reserve(1_000, 1_000).isPresent());
        assertFalse(budget.reserve(1_000, 1_000).isPresent(), "$0.054 would pass $0.05");
        assertEquals(36_000, table.get(Keys.budgetPk("2026-11-30"), RewriteBudget.SK).orElseThrow().number("microUsd", 0));
    }

    @Test
    void eachUtcDayStartsAFreshBudget() {
        new RewriteBudget(table, 1_000, 100.0, 1.0, 5.0, NOV_30).reserve(500, 500).orElseThrow();
        Clock nextDay = Clock.fixed(Instant.parse("2026-12-01T00:00:01Z"), ZoneOffset.UTC);
        RewriteBudget tomorrow = new RewriteBudget(table, 1_000, 100.0, 1.0, 5.0, nextDay);
        assertEquals(0, tomorrow.tokensUsedToday());
        assertTrue(tomorrow.reserve(500, 500).isPresent());
    }
}
