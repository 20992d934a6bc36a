package com.podcastinsights.transcript;

import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-day cap of speech-to-text (UTC days), in audio minutes and in US dollars, shared by every Lambda
 * environment through one counter item in the table, as the rewrite step's budget is: a job first reserves its
 * audio's worst case and starts only if that still fits under both caps, so concurrent environments can never
 * both take the last of the day.
 *
 * <p>Transcribe bills the audio's duration, which is not known before the job; it is estimated from the size at
 * {@value #BYTES_PER_SECOND} bytes a second (64 kbit/s, the low end of spoken-word podcasts, so most audio is
 * estimated longer than it is), and never more than Transcribe's four-hour limit. Before the download the
 * reservation is the declared length (or the size cap), and once the audio is stored it is settled to the size
 * actually stored. The counter also keeps how many jobs were skipped, in all and per feed, for `feeds list`.
 */
public final class TranscriptionBudget {
    static final String SK = "TRANSCRIBE";
    /** 64 kbit/s. */
    public static final long BYTES_PER_SECOND = 8_000;
    /** Transcribe refuses audio over four hours, so no job is billed more. */
    public static final long MAX_JOB_SECONDS = 4 * 3600;
    static final int KEEP_DAYS = 8;
    static final String SKIPPED_PREFIX = "skipped#";

    private final Table table;
    private final long dailySeconds;
    private final long dailyMicroUsd;
    private final double usdPerMinute;
    private final Clock clock;

    public TranscriptionBudget(Table table, long dailyMinutes, double dailyCostUsd, double usdPerMinute, Clock clock) {
        this.table = table;
        this.dailySeconds = dailyMinutes * 60;
        this.dailyMicroUsd = (long) Math.floor(dailyCostUsd * 1_000_000);
        this.usdPerMinute = usdPerMinute;
        this.clock = clock;
    }

    /** The seconds of audio a body of {@code bytes} is counted as. */
    public static long estimatedSeconds(long bytes) {
        return Math.min(MAX_JOB_SECONDS, Math.max(60, (bytes + BYTES_PER_SECOND - 1) / BYTES_PER_SECOND));
    }

    /** What one job took from the day. */
    public final class Reservation {
        private final String day;
        private long seconds;

        private Reservation(String day, long seconds) {
            this.day = day;
            this.seconds = seconds;
        }

        /** Replaces the reservation with {@code actual}; never refused when it is smaller, refused when it is over. */
        public boolean settle(long actual) {
            boolean ok = table.addWithinLimits(counter(day), Map.of("audioSeconds", actual - seconds,
                    "microUsd", microUsd(actual) - microUsd(seconds)), limits());
            if (ok) seconds = actual;
            return ok;
        }

        /** Gives the whole reservation back: the job did not start. */
        public void release() {
            table.addWithinLimits(counter(day), Map.of("audioSeconds", -seconds, "microUsd", -microUsd(seconds),
                    "jobs", -1L), Map.of());
            seconds = 0;
        }
    }

    /** Takes {@code seconds} of audio from the day, or empty when they do not fit under either cap. */
    public Optional<Reservation> reserve(long seconds) {
        String day = today();
        boolean granted = table.addWithinLimits(counter(day),
                Map.of("audioSeconds", seconds, "microUsd", microUsd(seconds), "jobs", 1L), limits());
        return granted ? Optional.of(new Reservation(day, seconds)) : Optional.empty();
    }

    /** Why a job was not started, counted for the metrics' sake and for `feeds list`. */
    public enum Skip { DAILY_CAP, NOT_FRESH }

    public void skipped(String feedId, Skip why) {
        table.addWithinLimits(counter(today()), Map.of(
                why == Skip.DAILY_CAP ? "skippedCap" : "skippedStale", 1L, SKIPPED_PREFIX + feedId, 1L), Map.of());
    }

    /** The day's use: audio minutes and dollars reserved, jobs started, jobs skipped in all and per feed. */
    public record Usage(String day, long audioSeconds, long microUsd, long jobs, long skippedCap, long skippedStale,
                        Map<String, Long> skippedByFeed) {
        public long skipped() {
            return skippedCap + skippedStale;
        }
    }

    public Usage usedToday() {
        return usage(table, today());
    }

    public static Usage usage(Table table, String day) {
        Optional<Item> item = table.get(Keys.budgetPk(day), SK);
        Map<String, Long> byFeed = new HashMap<>();
        item.ifPresent(i -> i.attributes().forEach((name, value) -> {
            if (name.startsWith(SKIPPED_PREFIX) && value instanceof Number n) {
                byFeed.put(name.substring(SKIPPED_PREFIX.length()), n.longValue());
            }
        }));
        return new Usage(day, number(item, "audioSeconds"), number(item, "microUsd"), number(item, "jobs"),
                number(item, "skippedCap"), number(item, "skippedStale"), byFeed);
    }

    private static long number(Optional<Item> item, String name) {
        return item.map(i -> i.number(name, 0)).orElse(0L);
    }

    private Map<String, Long> limits() {
        return Map.of("audioSeconds", dailySeconds, "microUsd", dailyMicroUsd);
    }

    private Item counter(String day) {
        long expires = LocalDate.parse(day).plusDays(KEEP_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return Item.of(Keys.budgetPk(day), SK).with("type", "Budget").with("day", day).with("ttl", expires).build();
    }

    private long microUsd(long seconds) {
        return (long) Math.ceil(seconds / 60.0 * usdPerMinute * 1_000_000);
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }
}
