package com.podcastinsights.transcript;

import com.podcastinsights.feed.Episode;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.http.StreamedResponse;
import com.podcastinsights.port.AudioStore;
import com.podcastinsights.port.Keys;
import com.podcastinsights.port.SpeechToText;

import java.io.IOException;
import java.net.URI;

/**
 * Starts speech-to-text for one episode: streams the enclosure into the bucket (the feeds' SSRF guard, the size
 * cap, a download deadline) and starts a job named after the episode. Idempotent: an existing job means a
 * previous delivery got this far, and the audio is not downloaded again.
 */
public final class AudioTranscriber {
    public enum Outcome { STARTED, ALREADY_STARTED }

    private final SafeHttpClient http;
    private final AudioStore audio;
    private final SpeechToText speech;
    private final TranscriptionPolicy policy;

    public AudioTranscriber(SafeHttpClient http, AudioStore audio, SpeechToText speech, TranscriptionPolicy policy) {
        this.http = http;
        this.audio = audio;
        this.speech = speech;
        this.policy = policy;
    }

    public TranscriptionPolicy policy() {
        return policy;
    }

    /** Throws IOException when the audio cannot be fetched or stored (refused, too large, timed out, HTTP error). */
    public Outcome start(Episode episode, String feedLanguage) throws IOException {
        String jobName = TranscriptionJobs.name(policy.jobPrefix(), episode.feedId(), episode.id());
        if (speech.state(jobName).isPresent()) return Outcome.ALREADY_STARTED;
        String mediaKey = Keys.transcribeAudioKey(episode.feedId(), episode.id());
        URI enclosure;
        try {
            enclosure = URI.create(episode.enclosureUrl().strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("bad enclosure URL " + episode.enclosureUrl() + ": " + e.getMessage());
        }
        try (StreamedResponse response = http.openStream(enclosure, policy.maxAudioBytes(), policy.downloadTimeout())) {
            audio.upload(mediaKey, response.body(), response.contentType());
        }
        boolean started = speech.start(new SpeechToText.Job(jobName, mediaKey,
                Keys.transcribeOutputKey(episode.feedId(), episode.id()),
                TranscriptionDecision.languageCode(feedLanguage), policy.maxSpeakers()));
        return started ? Outcome.STARTED : Outcome.ALREADY_STARTED;
    }
}
