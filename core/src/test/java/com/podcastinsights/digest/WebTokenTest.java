package com.podcastinsights.digest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WebTokenTest {
    private static final UnsubscribeKeys KEYS = UnsubscribeKeys.single("web-token-test-key-web-token-test-key-0123".getBytes(StandardCharsets.UTF_8));
    private final WebToken tokens = new WebToken(() -> KEYS);
    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aTokenSaysWhatItWasIssuedForUntilItExpires() {
        String t = tokens.issue(WebToken.Purpose.PREFERENCES, now.plusSeconds(60), "ann@example.com", "7");
        assertEquals(List.of("ann@example.com", "7"), tokens.verify(WebToken.Purpose.PREFERENCES, t, now).orElseThrow().fields());
        assertTrue(tokens.verify(WebToken.Purpose.PREFERENCES, t, now.plusSeconds(60)).isEmpty(), "expired");
    }

    @Test
    void aTokenOfOnePurposeNeverPassesAsAnother() {
        String feedback = tokens.issue(WebToken.Purpose.FEEDBACK, now.plusSeconds(60), "ann@example.com", "7");
        assertTrue(tokens.verify(WebToken.Purpose.PREFERENCES, feedback, now).isEmpty());
        // relabelled by hand: the MAC was made with the feedback purpose's own key
        assertTrue(tokens.verify(WebToken.Purpose.PREFERENCES, feedback.replace("w1.feedback.", "w1.preferences."), now).isEmpty());
    }

    @Test
    void anAlteredOrForeignTokenIsRefused() {
        String t = tokens.issue(WebToken.Purpose.CONFIRM, now.plusSeconds(60), "ann@example.com");
        String[] p = t.split("\\.");
        String bob = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("bob@example.com".getBytes(StandardCharsets.UTF_8));
        assertTrue(tokens.verify(WebToken.Purpose.CONFIRM, String.join(".", p[0], p[1], bob, p[3], p[4], p[5]), now).isEmpty());
        assertTrue(tokens.verify(WebToken.Purpose.CONFIRM, String.join(".", p[0], p[1], p[2], "9999999999", p[4], p[5]), now).isEmpty(),
                "a later expiry written in by hand");
        WebToken other = new WebToken(() -> UnsubscribeKeys.single(UnsubscribeToken.randomKey()));
        assertTrue(other.verify(WebToken.Purpose.CONFIRM, t, now).isEmpty());
        assertTrue(tokens.verify(WebToken.Purpose.CONFIRM, null, now).isEmpty());
        assertTrue(tokens.verify(WebToken.Purpose.CONFIRM, "x".repeat(5000), now).isEmpty());
    }
}
