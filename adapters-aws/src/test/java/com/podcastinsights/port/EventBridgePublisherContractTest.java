package com.podcastinsights.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.testing.AwsEmulator;

import java.time.Duration;
import java.util.List;

class EventBridgePublisherContractTest extends EventPublisherContract {
    private AwsEmulator.EventTap tap;

    @Override
    protected EventPublisher newPublisher() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        tap = aws.tapBus("podcast-insights-test", "contract-" + java.util.UUID.randomUUID(), PATTERN);
        return new EventBridgePublisher(aws.eventBridgeJson(), "podcast-insights-test");
    }

    @Override
    protected List<JsonNode> delivered(int expected) {
        return tap.receive(expected, Duration.ofSeconds(20));
    }
}
