package com.podcastinsights.digest;

import com.podcastinsights.fakes.InMemoryTable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

class UnsubscribeEndpointTest {
    private final InMemoryTable table = new InMemoryTable();
    private final SubscriberRepository subscribers = new SubscriberRepository(table);
    private final UnsubscribeToken tokens = new UnsubscribeToken(UnsubscribeTokenTest.KEY);
    private final UnsubscribeEndpoint endpoint = new UnsubscribeEndpoint(subscribers, tokens,
            Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));

    private boolean active(String email) {
        return subscribers.find(email).orElseThrow().active();
    }

    /** The link of the reader's current subscription, as their digest carries it. */
    private String link(String email) {
        return tokens.issue(email, subscribers.subscription(email).map(Subscription::generation).orElse(0L));
    }

    @Test
    void postUnsubscribesAndAnswers200() {
        subscribers.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        subscribers.subscribe("bob@example.com", "2026-11-01T00:00:00Z");
        WebResponse r = endpoint.handle("POST", link("ann@example.com"));
        assertEquals(200, r.status());
        assertFalse(active("ann@example.com"));
        assertTrue(active("bob@example.com"), "only the token's subscriber");
        assertEquals(1, subscribers.active().size());
        assertEquals(200, endpoint.handle("POST", link("ann@example.com")).status(), "twice is fine");
    }

    @Test
    void getOnlyShowsAButtonThatPostsBack() {
        subscribers.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        WebResponse r = endpoint.handle("GET", link("ann@example.com"));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("<form method=\"post\">"), r.body());
        assertTrue(r.body().contains("<button"), r.body());
        assertTrue(active("ann@example.com"), "a link scanner's GET must not unsubscribe");
    }

    @Test
    void aForgedOrAlteredTokenIsRefusedAndChangesNothing() {
        subscribers.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        String forged = new UnsubscribeToken("another-key-another-key-another-key!".getBytes()).issue("ann@example.com");
        String good = link("ann@example.com");
        for (String t : new String[]{forged, good.substring(0, good.length() - 1), null, "nonsense"}) {
            assertEquals(400, endpoint.handle("POST", t).status(), String.valueOf(t));
        }
        assertTrue(active("ann@example.com"));
        assertEquals(405, endpoint.handle("DELETE", good).status());
        assertTrue(active("ann@example.com"));
    }

    @Test
    void theAddressOnThePageIsEscaped() {
        WebResponse r = endpoint.handle("GET", tokens.issue("o'brien&co@example.com"));
        assertTrue(r.body().contains("o&#39;brien&amp;co@example.com"), r.body());
    }
}
