package com.podcastinsights.cli;

import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestLineTest {
    @Test
    void carriesTheInsightsAttribution() {
        Insight i = new Insight("id", "f", "e", "Podcast", "Episode", "text", 0.5, 83.7, "Ana",
                "http://x/e.mp3#t=83", "http://x/e", "2026-11-30");
        DigestLine line = DigestLine.of(i);
        assertEquals("Podcast", line.podcast());
        assertEquals("Episode", line.episode());
        assertEquals("http://x/e.mp3#t=83", line.link());
        assertEquals("0:01:23", line.timestamp());
    }

    @Test
    void formatsTheMomentAsPlayersDo() {
        assertEquals("1:02:03", new DigestLine("p", "e", 3723.9, "t", "l", null).timestamp());
        assertEquals("0:00:00", new DigestLine("p", "e", -4, "t", "l", null).timestamp());
    }
}
