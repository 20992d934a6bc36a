package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Table;
import com.podcastinsights.transcript.TranscriptionCompletion;

/** TranscriptionDone: a speech-to-text job of ours ended -> its transcript stored and announced. */
public final class TranscriptionDoneStage {
    private TranscriptionDoneStage() {
    }

    /** {@code jobPrefix}: this stack's job names; another stack's jobs are not ours to store. */
    public record Config(String jobPrefix) {
        public static Config from(Env env) {
            return new Config(env.require("TRANSCRIBE_JOB_PREFIX"));
        }
    }

    public static TranscriptionCompletion build(Config config, Table table, BlobStore blobs, EventPublisher events) {
        return new TranscriptionCompletion(new EpisodeRepository(table), blobs, events, config.jobPrefix(), System.err);
    }
}
