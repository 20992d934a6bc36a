package com.podcastinsights.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records backoff pauses instead of sleeping, so retry tests take no wall-clock time. */
final class RecordingSleeper implements Backoff.Sleeper {
    final List<Duration> pauses = new ArrayList<>();

    @Override
    public void sleep(Duration d) {
        pauses.add(d);
    }

    Backoff backoff(int attempts) {
        return new Backoff(attempts, Duration.ofMillis(100), this);
    }
}
