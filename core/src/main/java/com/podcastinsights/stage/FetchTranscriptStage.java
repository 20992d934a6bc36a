package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.AudioStore;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.SpeechToText;
import com.podcastinsights.port.Table;
import com.podcastinsights.transcript.AudioTranscriber;
import com.podcastinsights.transcript.TranscriptFetcher;
import com.podcastinsights.transcript.TranscriptionPolicy;

import java.time.Clock;
import java.time.Duration;

/** FetchTranscript: a discovered episode's transcript (a linked one, speech-to-text, or show notes) stored. */
public final class FetchTranscriptStage {
    private FetchTranscriptStage() {
    }

    /** The stack's TranscribeEnabled parameter and its limits; speech-to-text off unless TRANSCRIBE_ENABLED is "true". */
    public record Config(TranscriptionPolicy transcription) {
        public static Config from(Env env) {
            if (!env.flag("TRANSCRIBE_ENABLED")) return new Config(TranscriptionPolicy.off());
            return new Config(new TranscriptionPolicy(true,
                    env.require("TRANSCRIBE_JOB_PREFIX"),
                    env.wholeNumber("TRANSCRIBE_MAX_AUDIO_MB", 500, 1) * 1024 * 1024,
                    (int) env.wholeNumber("TRANSCRIBE_MAX_SPEAKERS", 4, 1),
                    Duration.ofSeconds(env.wholeNumber("TRANSCRIBE_DOWNLOAD_TIMEOUT_SECONDS", 600, 1)),
                    env.wholeNumber("TRANSCRIBE_DAILY_MINUTES_CAP", TranscriptionPolicy.DEFAULT_DAILY_MINUTES, 0),
                    env.decimal("TRANSCRIBE_DAILY_COST_CAP_USD", TranscriptionPolicy.DEFAULT_DAILY_COST_USD),
                    env.decimal("TRANSCRIBE_USD_PER_MINUTE", TranscriptionPolicy.DEFAULT_USD_PER_MINUTE),
                    Duration.ofHours(env.wholeNumber("EPISODE_FRESHNESS_HOURS",
                            TranscriptionPolicy.DEFAULT_FRESHNESS.toHours(), 1))));
        }
    }

    /** {@code transcriber} null: no speech-to-text, show notes stand in for a missing transcript. */
    public static TranscriptFetcher build(Table table, BlobStore blobs, EventPublisher events, SafeHttpClient http,
                                          AudioTranscriber transcriber) {
        return new TranscriptFetcher(new EpisodeRepository(table), blobs, events, http, new FeedRepository(table),
                transcriber, System.err);
    }

    /** Speech-to-text under the configuration's limits; build it only when {@code transcription().enabled()}. */
    public static AudioTranscriber transcriber(Config config, SafeHttpClient http, AudioStore audio,
                                               SpeechToText speech, Table table, Clock clock) {
        return new AudioTranscriber(http, audio, speech, config.transcription(), table, clock);
    }
}
