package com.podcastinsights.web;

import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.WebToken;

import java.time.Clock;
import java.util.Optional;

/**
 * What every reader page stands on: the site's settings, the readers, the signed links, the rate limits and the
 * clock. One value, so a page names only what is its own.
 */
public record PageContext(ReaderWeb.Config config, SubscriberRepository subscribers, WebToken tokens,
                          RateLimit limits, Clock clock) {

    /**
     * The active subscription a reader's link was issued for (its fields 0 and 1: address and generation); empty
     * after an unsubscribe or for an earlier subscription.
     */
    Optional<Subscription> subscription(WebToken.Claim claim) {
        try {
            return subscribers.subscription(claim.field(0)).filter(Subscription::active)
                    .filter(s -> Long.toString(s.generation()).equals(claim.field(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
