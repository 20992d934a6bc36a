package com.podcastinsights.insight;

import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The per-day token and cost cap of the rewrite step (UTC days), shared by every Lambda environment through one
 * counter item in the table. A call first reserves its worst case (the estimated input plus the maximum output);
 * it goes ahead only if that still fits under both caps, and afterwards the reservation is settled to the real
 * usage. Reserving before the call is what makes the cap hold when many environments rewrite at once: two of
 * them can never both take the last of the day's tokens.
 *
 * <p>Cost is counted in micro-dollars so the counter stays a whole number.
 */
public final class RewriteBudget {
    static final String SK = "REWRITE";
    /** The counter item outlives its day by a week, for operators who want to look back, then expires. */
    static final int KEEP_DAYS = 8;
    private final Table table;
    /** The day's caps, as the limits the counter item is held under. */
    private final Map<String, Long> dailyLimits;
    private final Prices prices;
    private final Clock clock;

    /** The model's prices in dollars per million tokens: a token costs that many micro-dollars. */
    private record Prices(double inputUsdPerMillion, double outputUsdPerMillion) {
        long microUsd(long in, long out) {
            return (long) Math.ceil(in * inputUsdPerMillion + out * outputUsdPerMillion);
        }
    }

    public RewriteBudget(Table table, long dailyTokens, double dailyCostUsd, double inputUsdPerMillion,
                         double outputUsdPerMillion, Clock clock) {
        this.table = table;
        this.dailyLimits = Map.of("tokens", dailyTokens, "microUsd", (long) Math.floor(dailyCostUsd * 1_000_000));
        this.prices = new Prices(inputUsdPerMillion, outputUsdPerMillion);
        this.clock = clock;
    }

    /** What one call took from the day; settle it with the usage the model reported. */
    public interface Reservation {
        /** Replaces the reserved worst case with the real usage; never refused, as the tokens are spent. */
        void settle(long inputTokens, long outputTokens);
    }

    /** Takes the call's worst case from the day's budget, or empty when it does not fit. */
    public Optional<Reservation> reserve(long inputTokens, long outputTokens) {
        String day = today();
        long tokens = inputTokens + outputTokens;
        long micro = prices.microUsd(inputTokens, outputTokens);
        if (!table.addWithinLimits(counter(day), Map.of("tokens", tokens, "microUsd", micro), dailyLimits)) {
            return Optional.empty();
        }
        return Optional.of((in, out) -> table.addWithinLimits(counter(day),
                Map.of("tokens", in + out - tokens, "microUsd", prices.microUsd(in, out) - micro), Map.of()));
    }

    public long tokensUsedToday() {
        return table.get(Keys.budgetPk(today()), SK).map(i -> i.number("tokens", 0)).orElse(0L);
    }

    private Item counter(String day) {
        long expires = LocalDate.parse(day).plusDays(KEEP_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return Item.of(Keys.budgetPk(day), SK).with("type", "Budget").with("day", day).with("ttl", expires).build();
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }
}
