package com.podcastinsights.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * The time one poll has: no download starts after {@code startBy}, and no write (recording, announcing) after
 * {@code finishBy}. Null instants: no limit (tests, local runs). The gap between them is one HTTP deadline, so a
 * download started at the last moment can still be processed.
 */
public record PollBudget(Instant startBy, Instant finishBy) {
    /** A download may take the HTTP policy's 20 s; the rest is room to write what it brought. */
    public static final Duration START_MARGIN = Duration.ofSeconds(30);
    /** The last writes must be done this long before the function's timeout, to return and log. */
    public static final Duration FINISH_MARGIN = Duration.ofSeconds(5);

    public static final PollBudget NONE = new PollBudget(null, null);

    /** The budget of an invocation that is stopped at {@code timeout}. */
    public static PollBudget endingAt(Instant timeout) {
        return new PollBudget(timeout.minus(START_MARGIN), timeout.minus(FINISH_MARGIN));
    }

    /** Only a start deadline given: the writes may go on as long as a download the deadline let start may take. */
    public static PollBudget startingBy(Instant startBy) {
        return startBy == null ? NONE : new PollBudget(startBy, startBy.plus(START_MARGIN.minus(FINISH_MARGIN)));
    }

    boolean tooLateToStart(Instant now) {
        return startBy != null && now.isAfter(startBy);
    }

    boolean tooLateToWrite(Instant now) {
        return finishBy != null && now.isAfter(finishBy);
    }

    /** When one feed's processing must stop: its share, or the poll's end, whichever comes first. */
    Instant forOneFeed(Instant now, Duration share) {
        Instant own = now.plus(share);
        return finishBy != null && finishBy.isBefore(own) ? finishBy : own;
    }
}
