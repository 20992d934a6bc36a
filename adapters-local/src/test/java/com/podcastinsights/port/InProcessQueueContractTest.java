package com.podcastinsights.port;

import com.podcastinsights.local.InProcessQueue;

import java.time.Clock;
import java.time.Duration;

class InProcessQueueContractTest extends WorkQueueContract {
    @Override
    protected WorkQueue newQueue() {
        return new InProcessQueue(Clock.systemUTC(), Duration.ofMinutes(5), 5);
    }
}
