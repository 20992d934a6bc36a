package com.podcastinsights.bench;

import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.OutgoingMail;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * SES as the fleet meets it: at most {@code rate} accepted sends in any second of simulated time (a send past it is
 * throttled: {@link Mailer.Unavailable}, as SesMailer reports throttling past its retries), a random transient
 * rejection of {@code rejectRate} of the calls (also Unavailable: a 5xx), and {@code latencyNanos} per call.
 * Records each accepted message by recipient with its simulated time.
 */
final class SimulatedSes implements Mailer {
    private final VirtualTime time;
    private final int rate;
    private final double rejectRate;
    private final long latencyNanos;
    private final Random random = new Random(16);
    private final Map<Long, Integer> perSecond = new HashMap<>();
    final Map<String, long[]> accepted = new HashMap<>(); // recipient -> {count, first accept nanos}
    int throttled, rejected, sent;

    SimulatedSes(VirtualTime time, int rate, double rejectRate, long latencyNanos) {
        this.time = time;
        this.rate = rate;
        this.rejectRate = rejectRate;
        this.latencyNanos = latencyNanos;
    }

    @Override
    public String send(OutgoingMail mail) {
        time.advance(latencyNanos);
        long second = time.nanos() / 1_000_000_000L;
        if (random.nextDouble() < rejectRate) {
            rejected++;
            throw new Mailer.Unavailable("simulated 5xx", null);
        }
        int n = perSecond.merge(second, 1, Integer::sum);
        if (n > rate) {
            perSecond.merge(second, -1, Integer::sum);
            throttled++;
            throw new Mailer.Unavailable("simulated: Maximum sending rate exceeded", null);
        }
        sent++;
        accepted.compute(mail.to(), (k, v) -> v == null ? new long[]{1, time.nanos()} : new long[]{v[0] + 1, v[1]});
        return "sim-" + sent;
    }

    /** The highest number of sends accepted in one simulated second. */
    int peakPerSecond() {
        return perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Accepted sends per second over the seconds in which any send was accepted. */
    double meanPerBusySecond() {
        long busy = perSecond.values().stream().filter(v -> v > 0).count();
        return busy == 0 ? 0 : (double) sent / busy;
    }
}
