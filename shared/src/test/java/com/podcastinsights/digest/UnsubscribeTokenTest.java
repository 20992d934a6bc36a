package com.podcastinsights.digest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class UnsubscribeTokenTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    private final UnsubscribeToken tokens = new UnsubscribeToken(KEY);

    @Test
    void aTokenNamesTheSubscriberItWasIssuedFor() {
        String t = tokens.issue("Ann@Example.com");
        assertEquals(Optional.of("ann@example.com"), tokens.verify(t));
        assertTrue(t.matches("[A-Za-z0-9._-]+"), "URL-safe: " + t);
    }

    @Test
    void anAlteredAddressOrMacIsRefused() {
        String t = tokens.issue("ann@example.com");
        String[] p = t.split("\\.");
        String otherEmail = Base64.getUrlEncoder().withoutPadding().encodeToString("bob@example.com".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.verify(p[0] + "." + otherEmail + "." + p[2]), "someone else's address");
        char last = p[2].charAt(p[2].length() - 2);
        String flipped = p[2].substring(0, p[2].length() - 2) + (last == 'A' ? 'B' : 'A') + p[2].charAt(p[2].length() - 1);
        assertEquals(Optional.empty(), tokens.verify(p[0] + "." + p[1] + "." + flipped), "one MAC character changed");
        assertEquals(Optional.empty(), tokens.verify(p[0] + "." + p[1] + "." + p[2].substring(0, 10)), "truncated MAC");
        assertEquals(Optional.empty(), tokens.verify("v2." + p[1] + "." + p[2]), "unknown version");
    }

    @Test
    void aTokenMadeWithAnotherKeyIsRefused() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertEquals(Optional.empty(), tokens.verify(new UnsubscribeToken(other).issue("ann@example.com")));
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String t : new String[]{null, "", "v1", "v1..", "v1.!!!.???", "v1.YQ.YQ", "x".repeat(5000)}) {
            assertEquals(Optional.empty(), tokens.verify(t), String.valueOf(t));
        }
    }

    @Test
    void shortKeysAreRejectedAndTheKeyIsNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> new UnsubscribeToken(new byte[16]));
        assertFalse(tokens.toString().contains("0123456789abcdef"));
    }
}
