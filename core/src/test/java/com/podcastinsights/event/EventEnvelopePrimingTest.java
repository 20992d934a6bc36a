package com.podcastinsights.event;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.*;

class EventEnvelopePrimingTest {
    @Test
    void primingBindsTheDetailThroughTheHandlersPath() {
        TranscriptStored stored = EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED,
                "{\"feedId\":\"f\",\"episodeId\":\"e\",\"transcriptKey\":\"t.json\",\"source\":\"vtt\",\"segments\":3}",
                TranscriptStored.class);

        assertEquals(new TranscriptStored("f", "e", "t.json", "vtt", 3), stored);
    }

    @Test
    void primingWithJsonThatIsNotJsonFailsLoudly() {
        assertThrows(UncheckedIOException.class,
                () -> EventEnvelope.primeJson(PipelineEvents.TRANSCRIPT_STORED, "{not json", TranscriptStored.class));
    }
}
