package com.podcastinsights.transcript;

import com.podcastinsights.feed.Episode;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.http.StreamedResponse;
import com.podcastinsights.port.AudioStore;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.SpeechToText;

import com.podcastinsights.port.Table;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts speech-to-text for one episode: streams the enclosure into the bucket (the feeds' SSRF guard, the size
 * cap, a download deadline) and starts a job named after the episode. Idempotent: an existing job means a
 * previous delivery got this far, and the audio is not downloaded again.
 *
 * <p>Spend is capped: an episode published (or, undated, discovered) before the policy's freshness window is not
 * transcribed, and every job reserves its audio from the day's budget ({@link TranscriptionBudget}) before the
 * download, so a show with 500 back episodes, or many at once, costs at most the daily cap.
 */
public final class AudioTranscriber {
    public enum Outcome {
        STARTED, ALREADY_STARTED,
        /** Not transcribed: the day's audio minutes or dollars are spent. */
        SKIPPED_DAILY_CAP,
        /** Not transcribed: published before the freshness window. */
        SKIPPED_NOT_FRESH
    }

    private final SafeHttpClient http;
    private final AudioStore audio;
    private final SpeechToText speech;
    private final TranscriptionPolicy policy;
    private final TranscriptionBudget budget;
    private final Clock clock;

    /** {@code table}: where the day's budget is counted, shared by every environment. */
    public AudioTranscriber(SafeHttpClient http, AudioStore audio, SpeechToText speech, TranscriptionPolicy policy,
                            Table table, Clock clock) {
        this.http = http;
        this.audio = audio;
        this.speech = speech;
        this.policy = policy;
        this.budget = new TranscriptionBudget(table, policy.dailyMinutes(), policy.dailyCostUsd(),
                policy.usdPerMinute(), clock);
        this.clock = clock;
    }

    public TranscriptionPolicy policy() {
        return policy;
    }

    /**
     * {@code since}: when the episode was published, or discovered when it has no date (null: unknown, taken as
     * now). Throws IOException when the audio cannot be fetched or stored (refused, too large, timed out, HTTP
     * error).
     */
    public Outcome start(Episode episode, Instant since) throws IOException {
        String jobName = TranscriptionJobs.name(policy.jobPrefix(), episode.feedId(), episode.id());
        if (speech.state(jobName).isPresent()) return Outcome.ALREADY_STARTED;
        if (since != null && since.isBefore(clock.instant().minus(policy.freshness()))) {
            budget.skipped(episode.feedId(), TranscriptionBudget.Skip.NOT_FRESH);
            return Outcome.SKIPPED_NOT_FRESH;
        }
        String mediaKey = Keys.transcribeAudioKey(episode.feedId(), episode.id());
        URI enclosure;
        try {
            enclosure = URI.create(episode.enclosureUrl().strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("bad enclosure URL " + episode.enclosureUrl() + ": " + e.getMessage());
        }
        TranscriptionBudget.Reservation reserved;
        try (StreamedResponse response = http.openStream(enclosure, policy.maxAudioBytes(), policy.downloadTimeout())) {
            // The body cannot outgrow its declared length (HTTP framing) nor the cap, so this is the worst case.
            long length = response.contentLength();
            long worst = length >= 0 && length <= policy.maxAudioBytes() ? length : policy.maxAudioBytes();
            Optional<TranscriptionBudget.Reservation> r = budget.reserve(TranscriptionBudget.estimatedSeconds(worst));
            if (r.isEmpty()) {
                budget.skipped(episode.feedId(), TranscriptionBudget.Skip.DAILY_CAP);
                return Outcome.SKIPPED_DAILY_CAP;
            }
            reserved = r.get();
            try {
                long stored = audio.upload(mediaKey, response.body(), response.contentType());
                reserved.settle(TranscriptionBudget.estimatedSeconds(stored));
            } catch (IOException | RuntimeException e) {
                reserved.release();
                throw e;
            }
        }
        boolean started;
        try {
            started = speech.start(new SpeechToText.Job(jobName, mediaKey,
                    Keys.transcribeOutputKey(episode.feedId(), episode.id()),
                    TranscriptionDecision.languageCode(episode.language()), policy.maxSpeakers()));
        } catch (RuntimeException e) {
            reserved.release(); // retried as a whole, which reserves again
            throw e;
        }
        if (!started) reserved.release(); // a concurrent delivery started it, and counted it
        return started ? Outcome.STARTED : Outcome.ALREADY_STARTED;
    }
}
