package com.podcastinsights.local;

import java.util.List;
import java.util.Map;

/**
 * What one {@link InProcessEventBus#drain()} did. {@code deliveries} counts invocations per function, failed ones
 * included; {@code unmatched} counts events no route took.
 */
public record DeliveryReport(Map<String, Integer> deliveries, List<Failure> failures, int unmatched) {
    public DeliveryReport {
        deliveries = Map.copyOf(deliveries);
        failures = List.copyOf(failures);
    }

    public record Failure(String functionName, String eventId, String detailType, Exception error) {
    }

    public int deliveriesTo(String functionName) {
        return deliveries.getOrDefault(functionName, 0);
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
