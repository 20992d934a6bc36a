package com.podcastinsights.port;

import java.util.Optional;

/**
 * Batch speech-to-text on audio that is already in the bucket. Amazon Transcribe in AWS; a fake in tests.
 * Jobs are named by the caller, deterministically, so that a replayed event finds the job it started before.
 */
public interface SpeechToText {
    /** Starts {@code job}; false when a job of that name exists already (a replay), which is not an error. */
    boolean start(Job job);

    /** The job's state, or empty when there is no job of that name. */
    Optional<JobState> state(String jobName);

    /**
     * What to transcribe. {@code languageCode} is a BCP-47 code such as {@code en-US}, or null to let the service
     * identify the language. {@code maxSpeakers} of 2 or more turns speaker labels on; 0 leaves them off.
     */
    record Job(String name, String mediaKey, String outputKey, String languageCode, int maxSpeakers) {
    }

    enum Status { QUEUED, IN_PROGRESS, COMPLETED, FAILED }

    /** {@code outputKey} is set once the job completed; {@code failureReason} once it failed. */
    record JobState(String name, Status status, String outputKey, String failureReason) {
    }
}
