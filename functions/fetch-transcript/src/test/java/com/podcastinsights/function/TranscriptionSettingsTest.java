package com.podcastinsights.function;

import com.podcastinsights.config.Env;
import com.podcastinsights.stage.FetchTranscriptStage;
import com.podcastinsights.transcript.TranscriptionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The template's TRANSCRIBE_* variables as FetchTranscript reads them. */
class TranscriptionSettingsTest {
    @Test
    void offUnlessTheStackSaysTrue() {
        assertFalse(FetchTranscriptStage.Config.from(new Env(Map.of())).transcription().enabled());
        assertFalse(FetchTranscriptStage.Config.from(new Env(Map.of("TRANSCRIBE_ENABLED", "false",
                "TRANSCRIBE_JOB_PREFIX", "podcast-insights-s-"))).transcription().enabled());
    }

    @Test
    void onWithTheTemplatesValues() {
        TranscriptionPolicy p = FetchTranscriptStage.Config.from(new Env(Map.of("TRANSCRIBE_ENABLED", "true",
                "TRANSCRIBE_JOB_PREFIX", "podcast-insights-prod-", "TRANSCRIBE_MAX_AUDIO_MB", "500",
                "TRANSCRIBE_MAX_SPEAKERS", "6", "TRANSCRIBE_DOWNLOAD_TIMEOUT_SECONDS", "600"))).transcription();
        assertEquals(new TranscriptionPolicy(true, "podcast-insights-prod-", 500L * 1024 * 1024, 6,
                Duration.ofSeconds(600)), p);
    }

    @Test
    void onWithoutAJobPrefixFailsFast() {
        assertThrows(IllegalStateException.class,
                () -> FetchTranscriptStage.Config.from(new Env(Map.of("TRANSCRIBE_ENABLED", "true"))).transcription());
    }
}
