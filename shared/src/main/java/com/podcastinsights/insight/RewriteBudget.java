package com.podcastinsights.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The per-day token and cost cap of the rewrite step (UTC days). A call is allowed only if its worst case (the
 * estimated input plus the maximum output) still fits under both caps; afterwards the real usage is recorded.
 *
 * <p>The count lives in the execution environment's memory, so the cap holds per warm Lambda environment; with
 * reserved concurrency N the day's worst case is N times the cap (see docs/quality.md).
 */
public final class RewriteBudget {
    private final long dailyTokens;
    private final double dailyCostUsd;
    private final double inputUsdPerMillion;
    private final double outputUsdPerMillion;
    private final Clock clock;
    private LocalDate day;
    private long tokensUsed;
    private double costUsed;

    public RewriteBudget(long dailyTokens, double dailyCostUsd, double inputUsdPerMillion, double outputUsdPerMillion,
                         Clock clock) {
        this.dailyTokens = dailyTokens;
        this.dailyCostUsd = dailyCostUsd;
        this.inputUsdPerMillion = inputUsdPerMillion;
        this.outputUsdPerMillion = outputUsdPerMillion;
        this.clock = clock;
    }

    public synchronized boolean allows(long inputTokens, long outputTokens) {
        roll();
        return tokensUsed + inputTokens + outputTokens <= dailyTokens
                && costUsed + cost(inputTokens, outputTokens) <= dailyCostUsd;
    }

    public synchronized void record(long inputTokens, long outputTokens) {
        roll();
        tokensUsed += inputTokens + outputTokens;
        costUsed += cost(inputTokens, outputTokens);
    }

    public synchronized long tokensUsedToday() {
        roll();
        return tokensUsed;
    }

    private double cost(long in, long out) {
        return in * inputUsdPerMillion / 1_000_000 + out * outputUsdPerMillion / 1_000_000;
    }

    private void roll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            tokensUsed = 0;
            costUsed = 0;
        }
    }
}
