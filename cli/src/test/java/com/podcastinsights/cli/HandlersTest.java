package com.podcastinsights.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandlersTest {
    @Test
    void knowsTheFourHandlersByClassNameAndSamForm() {
        assertEquals(6, Handlers.BY_CLASS.size(),
                "the pipeline's four, MailFeedback and TranscriptionDone (routed by bus rules too)");
        assertNotNull(Handlers.forClass("com.podcastinsights.function.TranscriptionDoneHandler::handleRequest"));
        assertNotNull(Handlers.forClass("com.podcastinsights.function.FetchTranscriptHandler::handleRequest"));
        assertNotNull(Handlers.forClass("com.podcastinsights.function.SendDigestHandler"));
    }

    @Test
    void anUnknownHandlerFailsNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Handlers.forClass("com.example.Nope"));
        assertTrue(e.getMessage().contains("com.example.Nope"));
    }

    @Test
    void derivesFunctionNames() {
        assertEquals("ExtractInsights", Handlers.functionName("com.podcastinsights.function.ExtractInsightsHandler::handleRequest"));
        assertEquals("FetchFeeds", Handlers.functionName("com.podcastinsights.function.FetchFeedsHandler"));
    }
}
