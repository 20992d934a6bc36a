package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.TranscriptParsers;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words the digest tests forbid: they must catch ad reads and notes copy, and pass the samples' substance. */
class ReaderCopyTest {
    @Test
    void flagsEverySampleAdReadAndNoneOfTheConversation() throws Exception {
        JsonNode labels;
        try (InputStream in = getClass().getResourceAsStream("/samples/labels.json")) {
            labels = new ObjectMapper().readTree(in);
        }
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        int ads = 0;
        int conversation = 0;
        for (JsonNode e : labels.path("episodes")) {
            String file = e.path("file").asText();
            byte[] bytes;
            try (InputStream in = getClass().getResourceAsStream("/samples/transcripts/" + file)) {
                bytes = in.readAllBytes();
            }
            for (Segment s : TranscriptParsers.parse(bytes, TranscriptParsers.formatOfFileName(file)).segments()) {
                String kind = kindAt(e, s.start());
                if ("sponsor".equals(kind)) {
                    ads++;
                    if (ReaderCopy.violations(s.text()).stream().noneMatch(v -> v.startsWith("ad"))) missed.add(s.text());
                } else if (kind == null) {
                    conversation++;
                    if (!ReaderCopy.violations(s.text()).isEmpty()) {
                        falseAlarms.add(ReaderCopy.violations(s.text()) + ": " + s.text());
                    }
                }
            }
        }
        assertTrue(ads >= 10 && conversation >= 90, ads + " ad cues, " + conversation + " conversation cues");
        assertTrue(missed.isEmpty(), "ad reads not flagged:\n" + String.join("\n", missed));
        assertTrue(falseAlarms.isEmpty(), "conversation flagged:\n" + String.join("\n", falseAlarms));
    }

    @Test
    void flagsShowNotesCopyOfEachKind() {
        assertEquals(List.of("handle"), kinds("Find her on X as @lenavoss_sleep."));
        assertEquals(List.of("link"), kinds("Her lab page is halden-institute.example.org/voss."));
        assertEquals(List.of("link"), kinds("Read more at https://books.example/body-clock."));
        assertEquals(List.of("list"), kinds("Topics:\n- caffeine timing\n- daylight"));
        assertEquals(List.of("bio"), kinds("Dr. Lena Voss is a chronobiologist at the Halden Institute."));
        assertEquals(List.of("bio"), kinds("Brian is a Product Marketing Manager at a fintech firm."));
        assertEquals(List.of("bio"), kinds("Novelist Ore joins us for a childhood favourite."));
        assertEquals(List.of("framing"), kinds("In this episode, we talk about caffeine."));
        assertEquals(List.of("framing"), kinds("Noor asks chronobiologist Lena Voss about the slump."));
        assertEquals(List.of("ad"), kinds("Use the promo code RESTED10 at checkout."));
        assertFalse(kinds("Listener Tariq asks whether short walks count.").contains("framing"));
        assertTrue(kinds("Caffeine from a late coffee is still working at bedtime, because the body clears it"
                + " slowly, removing about half of a dose every five hours.").isEmpty());
    }

    private static List<String> kinds(String text) {
        return ReaderCopy.violations(text).stream().map(v -> v.substring(0, v.indexOf(' '))).sorted().toList();
    }

    private static String kindAt(JsonNode episode, double seconds) {
        for (JsonNode r : episode.path("ranges")) {
            if (seconds >= r.path("start").asDouble() && seconds < r.path("end").asDouble()) return r.path("kind").asText();
        }
        return null;
    }
}
