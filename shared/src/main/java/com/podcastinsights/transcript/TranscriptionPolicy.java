package com.podcastinsights.transcript;

import java.time.Duration;

/**
 * The speech-to-text settings of a deployment (template parameters TranscribeEnabled and friends).
 * {@code maxSpeakers} of 2 or more turns Transcribe's speaker labels on.
 */
public record TranscriptionPolicy(boolean enabled, String jobPrefix, long maxAudioBytes, int maxSpeakers,
                                  Duration downloadTimeout) {
    public static final long DEFAULT_MAX_AUDIO_BYTES = 500L * 1024 * 1024;
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    public TranscriptionPolicy {
        if (enabled && (jobPrefix == null || !jobPrefix.startsWith(TranscriptionJobs.COMMON_PREFIX))) {
            throw new IllegalArgumentException("job prefix must start with " + TranscriptionJobs.COMMON_PREFIX
                    + " (the EventBridge rule matches on it): " + jobPrefix);
        }
        if (maxAudioBytes <= 0) throw new IllegalArgumentException("maxAudioBytes must be positive");
    }

    public static TranscriptionPolicy off() {
        return new TranscriptionPolicy(false, TranscriptionJobs.COMMON_PREFIX, DEFAULT_MAX_AUDIO_BYTES, 0,
                DEFAULT_DOWNLOAD_TIMEOUT);
    }
}
