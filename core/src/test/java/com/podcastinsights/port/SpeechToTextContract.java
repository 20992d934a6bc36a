package com.podcastinsights.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every SpeechToText adapter must do; AWS (moto) and in-memory adapters run the same tests. */
public abstract class SpeechToTextContract {
    protected SpeechToText speech;

    /** A fresh adapter whose media key {@link #MEDIA_KEY} exists (some services check). */
    protected abstract SpeechToText newSpeechToText();

    /** Drives the job to its end the way the service would (the fake needs a push; Transcribe needs time). */
    protected abstract SpeechToText.JobState awaitEnd(String jobName);

    protected static final String MEDIA_KEY = "transcribe/audio/feed/episode";

    @BeforeEach
    void setUp() {
        speech = newSpeechToText();
    }

    private static SpeechToText.Job job(String name) {
        return new SpeechToText.Job(name, MEDIA_KEY, "transcribe/output/feed/" + name + ".json", "en-US", 3);
    }

    @Test
    void startingTheSameJobNameTwiceIsAReplayNotAnError() {
        String name = "podcast-insights-test-" + UUID.randomUUID();
        assertTrue(speech.start(job(name)));
        assertFalse(speech.start(job(name)), "a job of that name exists: already started");
    }

    @Test
    void anUnknownJobHasNoState() {
        assertEquals(Optional.empty(), speech.state("podcast-insights-test-never-started"));
    }

    @Test
    void aStartedJobHasAStateUntilItEndsWithItsOutputWhereItWasAskedFor() {
        String name = "podcast-insights-test-" + UUID.randomUUID();
        speech.start(job(name));
        SpeechToText.JobState state = speech.state(name).orElseThrow();
        assertEquals(name, state.name());
        assertNotEquals(SpeechToText.Status.FAILED, state.status());
        SpeechToText.JobState end = awaitEnd(name);
        assertEquals(SpeechToText.Status.COMPLETED, end.status());
        assertEquals(job(name).outputKey(), end.outputKey());
    }
}
