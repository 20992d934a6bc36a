package com.podcastinsights.port;

import com.podcastinsights.fakes.InMemoryBlobStore;
import com.podcastinsights.fakes.InMemorySpeechToText;

class InMemorySpeechToTextContractTest extends SpeechToTextContract {
    @Override
    protected SpeechToText newSpeechToText() {
        return new InMemorySpeechToText(new InMemoryBlobStore());
    }

    @Override
    protected SpeechToText.JobState awaitEnd(String jobName) {
        ((InMemorySpeechToText) speech).complete(jobName, "{\"results\":{\"items\":[]}}".getBytes());
        return speech.state(jobName).orElseThrow();
    }
}
