package com.podcastinsights.digest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SendPacerTest {
    private long now = 0;
    private final List<Long> sleeps = new ArrayList<>();
    private SendPacer pacer(double rate) {
        return new SendPacer(rate, () -> now, n -> { sleeps.add(n); now += n; });
    }

    @Test
    void spacesSendsEvenlyAtTheRate() {
        SendPacer p = pacer(14);
        for (int i = 0; i < 15; i++) p.awaitTurn();
        assertEquals(14, sleeps.size(), "the first send goes at once");
        assertTrue(now >= 1_000_000_000L && now < 1_000_100_000L, "15 sends at 14/s span one second: " + now);
    }

    @Test
    void aSlowSendEarnsNoBurst() {
        SendPacer p = pacer(2);
        p.awaitTurn();
        now += 5_000_000_000L; // the send took 5 s
        p.awaitTurn();
        assertTrue(sleeps.isEmpty());
        p.awaitTurn();
        assertEquals(List.of(500_000_000L), sleeps, "the next one still waits its interval");
    }

    @Test
    void zeroMeansUnpaced() {
        SendPacer p = pacer(0);
        for (int i = 0; i < 100; i++) p.awaitTurn();
        assertTrue(sleeps.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> pacer(-1));
    }
}
