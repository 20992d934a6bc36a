package com.podcastinsights.stage;

import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.port.Table;

import java.time.Clock;

/** Unsubscribe: the one-click link of a digest email -> the subscriber unsubscribed. */
public final class UnsubscribeStage {
    private UnsubscribeStage() {
    }

    public static UnsubscribeEndpoint build(Table table, UnsubscribeKeys keys, Clock clock) {
        return new UnsubscribeEndpoint(new SubscriberRepository(table), new UnsubscribeToken(keys), clock);
    }
}
