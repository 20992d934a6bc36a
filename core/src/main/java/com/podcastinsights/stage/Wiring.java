package com.podcastinsights.stage;

import com.podcastinsights.metrics.StageMetrics;

/**
 * A stage's service as a runtime built it: the service, the metrics it reports to (null: nowhere) and what the
 * composition must keep reachable (a Lambda's SnapStart registration, which the CRaC context holds only weakly;
 * null elsewhere).
 */
public record Wiring<S>(S service, StageMetrics metrics, Object composition) {
    /** Local runs and tests: the service on their ports, metrics nowhere. */
    public static <S> Wiring<S> local(S service) {
        return new Wiring<>(service, null, null);
    }
}
