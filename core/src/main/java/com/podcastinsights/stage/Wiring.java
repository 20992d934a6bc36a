package com.podcastinsights.stage;

import com.podcastinsights.metrics.StageMetrics;

/**
 * A stage's service as a runtime built it: the service, the metrics it reports to (null: nowhere) and the
 * composition that built it (a Lambda's AWS wiring, kept reachable for SnapStart; null elsewhere).
 */
public record Wiring<S>(S service, StageMetrics metrics, Object composition) {
    /** Local runs and tests: the service on their ports, metrics nowhere. */
    public static <S> Wiring<S> local(S service) {
        return new Wiring<>(service, null, null);
    }
}
