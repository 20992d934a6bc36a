package com.podcastinsights.digest;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class UnsubscribeTokenTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private final UnsubscribeToken tokens = new UnsubscribeToken(KEY);

    @Test
    void aTokenNamesTheSubscriberAndSubscriptionItWasIssuedFor() {
        String t = tokens.issue("Ann@Example.com", 1_764_000_000_000L);
        assertEquals(Optional.of(new UnsubscribeToken.Claim("ann@example.com", 1_764_000_000_000L, "0")), tokens.verify(t, NOW));
        assertTrue(t.matches("v2\\.0\\.[A-Za-z0-9_-]+"), "URL-safe, with its key id: " + t);
        assertEquals(t, tokens.issue("ann@example.com", 1_764_000_000_000L), "the same reader's link every day");
        assertNotEquals(t, tokens.issue("ann@example.com", 1_764_000_000_001L));
    }

    @Test
    void anAlteredTokenIsRefused() {
        String t = tokens.issue("ann@example.com", 3);
        String[] p = t.split("\\.");
        char c = p[2].charAt(20);
        String flipped = p[2].substring(0, 20) + (c == 'A' ? 'B' : 'A') + p[2].substring(21);
        assertEquals(Optional.empty(), tokens.verify(p[0] + "." + p[1] + "." + flipped, NOW), "one character changed");
        assertEquals(Optional.empty(), tokens.verify(p[0] + "." + p[1] + "." + p[2].substring(0, 30), NOW), "truncated");
        assertEquals(Optional.empty(), tokens.verify("v3." + p[1] + "." + p[2], NOW), "unknown version");
        assertEquals(Optional.empty(), tokens.verify(p[0] + ".1." + p[2], NOW), "another key id");
    }

    @Test
    void aTokenMadeWithAnotherKeyIsRefused() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertEquals(Optional.empty(), tokens.verify(new UnsubscribeToken(other).issue("ann@example.com", 0), NOW));
    }

    @Test
    void aV1LinkFromBeforeV2StillWorksAsGenerationZero() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String v1 = "v1." + b64.encodeToString("ann@example.com".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(mac.doFinal("unsubscribe\u0000ann@example.com".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(new UnsubscribeToken.Claim("ann@example.com", 0, "0")), tokens.verify(v1, NOW));
        String bob = "v1." + b64.encodeToString("bob@example.com".getBytes(StandardCharsets.UTF_8)) + "." + v1.split("\\.")[2];
        assertEquals(Optional.empty(), tokens.verify(bob, NOW), "someone else's address under ann's MAC");
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String t : new String[]{null, "", "v2", "v2..", "v2.0.!!!", "v2.0.YQ", "v1.YQ.YQ", "v2.../.x", "x".repeat(5000)}) {
            assertEquals(Optional.empty(), tokens.verify(t, NOW), String.valueOf(t));
        }
    }

    @Test
    void shortKeysAreRejectedAndTheKeyIsNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> new UnsubscribeToken(new byte[16]));
        assertFalse(tokens.toString().contains("0123456789abcdef"));
        UnsubscribeKeys keys = UnsubscribeKeys.parse("""
                {"current":"2","keys":[{"id":"2","secret":"0123456789abcdef0123456789abcdef-two"},
                 {"id":"1","secret":"0123456789abcdef0123456789abcdef-one","validUntil":"2027-01-01T00:00:00Z"}]}""");
        assertFalse(keys.toString().contains("0123456789abcdef"), keys.toString());
        assertEquals(List.of("2", "1"), keys.acceptedAt(NOW).stream().map(UnsubscribeKeys.Key::id).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> UnsubscribeKeys.parse("{\"current\":\"9\",\"keys\":[{\"id\":\"1\",\"secret\":\"0123456789abcdef0123456789abcdef-x\"}]}"));
        assertFalse(bad.getMessage().contains("0123456789abcdef"), bad.getMessage());
    }
}
