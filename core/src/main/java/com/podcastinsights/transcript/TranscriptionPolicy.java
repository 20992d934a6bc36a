package com.podcastinsights.transcript;

import java.time.Duration;

/**
 * The speech-to-text settings of a deployment (template parameters TranscribeEnabled and friends).
 * {@code maxSpeakers} of 2 or more turns Transcribe's speaker labels on. {@code dailyMinutes} and
 * {@code dailyCostUsd} cap the audio sent per UTC day over every environment (TranscriptionBudget), priced at
 * {@code usdPerMinute}; {@code freshness}: only episodes published (or, undated, discovered) this recently are
 * transcribed, whatever announces them.
 */
public record TranscriptionPolicy(boolean enabled, String jobPrefix, long maxAudioBytes, int maxSpeakers,
                                  Duration downloadTimeout, long dailyMinutes, double dailyCostUsd,
                                  double usdPerMinute, Duration freshness) {
    public static final long DEFAULT_MAX_AUDIO_BYTES = 500L * 1024 * 1024;
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);
    /** Ten hours of audio a day. */
    public static final long DEFAULT_DAILY_MINUTES = 600;
    public static final double DEFAULT_DAILY_COST_USD = 15;
    /** Amazon Transcribe standard batch, first pricing tier, us-east-1. */
    public static final double DEFAULT_USD_PER_MINUTE = 0.024;
    public static final Duration DEFAULT_FRESHNESS = Duration.ofHours(48);

    public TranscriptionPolicy {
        if (enabled && (jobPrefix == null || !jobPrefix.startsWith(TranscriptionJobs.COMMON_PREFIX))) {
            throw new IllegalArgumentException("job prefix must start with " + TranscriptionJobs.COMMON_PREFIX
                    + " (the EventBridge rule matches on it): " + jobPrefix);
        }
        if (maxAudioBytes <= 0) throw new IllegalArgumentException("maxAudioBytes must be positive");
        if (dailyMinutes < 0 || dailyCostUsd < 0 || usdPerMinute < 0) {
            throw new IllegalArgumentException("speech-to-text caps and price cannot be negative");
        }
        if (freshness.isNegative() || freshness.isZero()) throw new IllegalArgumentException("freshness must be positive");
    }

    /** With the default daily caps, price and freshness window. */
    public TranscriptionPolicy(boolean enabled, String jobPrefix, long maxAudioBytes, int maxSpeakers,
                               Duration downloadTimeout) {
        this(enabled, jobPrefix, maxAudioBytes, maxSpeakers, downloadTimeout, DEFAULT_DAILY_MINUTES,
                DEFAULT_DAILY_COST_USD, DEFAULT_USD_PER_MINUTE, DEFAULT_FRESHNESS);
    }

    public static TranscriptionPolicy off() {
        return new TranscriptionPolicy(false, TranscriptionJobs.COMMON_PREFIX, DEFAULT_MAX_AUDIO_BYTES, 0,
                DEFAULT_DOWNLOAD_TIMEOUT);
    }
}
