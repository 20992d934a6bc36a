package com.podcastinsights.transcript;

import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.store.Keys;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * A speech-to-text job ended: store its output as the episode's transcript (Transcribe's JSON, normalized like
 * every other format, speakers included when speaker labels were on) and announce {@code Transcript Stored},
 * exactly as TranscriptFetcher does, so ExtractInsights runs unchanged. A failed job, or output that is missing
 * or has no words, falls back to the show notes, so the episode is never lost.
 *
 * <p>Idempotent: once the transcript is stored, a replayed event re-announces it and changes nothing.
 */
public final class TranscriptionCompletion {
    private final EpisodeRepository episodes;
    private final BlobStore blobs;
    private final StoredTranscripts stored;
    private final String jobPrefix;
    private final PrintStream log;

    public TranscriptionCompletion(EpisodeRepository episodes, BlobStore blobs, EventPublisher events, String jobPrefix,
                                   PrintStream log) {
        this.episodes = episodes;
        this.blobs = blobs;
        this.stored = new StoredTranscripts(blobs, events);
        this.jobPrefix = jobPrefix;
        this.log = log;
    }

    /** {@code completed} false means the job failed ({@code failureReason} when the event gives one). */
    public Optional<TranscriptStored> jobEnded(String jobName, boolean completed, String failureReason) {
        Optional<TranscriptionJobs.EpisodeRef> ref = TranscriptionJobs.parse(jobPrefix, jobName);
        if (ref.isEmpty()) {
            // the rule matches every podcast-insights job in the account; another stack's are not ours
            log.println("transcription-done: job " + jobName + " is not one of this stack's (" + jobPrefix + "*); ignored");
            return Optional.empty();
        }
        String feedId = ref.get().feedId();
        String episodeId = ref.get().episodeId();
        String key = Keys.transcriptKey(feedId, episodeId);
        Optional<Transcript> existing = stored.read(key, unreadable -> { });
        if (existing.isPresent()) {
            log(episodeId, "already stored at " + key + " (" + existing.get().source() + "), announcing again");
            return Optional.of(stored.announce(key, existing.get()));
        }
        Optional<Episode> found = episodes.find(feedId, episodeId);
        if (found.isEmpty()) {
            log(episodeId, "job " + jobName + " ended but feed " + feedId + " has no such episode (removed?); ignored");
            return Optional.empty();
        }
        Episode episode = found.get();
        String language = episode.language();
        Transcript transcript = null;
        if (completed) {
            transcript = fromOutput(Keys.transcribeOutputKey(feedId, episodeId), episode, language);
        } else {
            log(episodeId, "speech-to-text job " + jobName + " FAILED"
                    + (failureReason == null || failureReason.isBlank() ? "" : ": " + failureReason)
                    + "; using show notes");
        }
        if (transcript == null) {
            ParsedTranscript notes = ShowNotes.parse(episode.showNotes());
            if (notes.isEmpty()) {
                log(episodeId, "no speech-to-text transcript and no show notes; nothing to store");
                return Optional.empty();
            }
            transcript = notes.toTranscript(feedId, episodeId, language);
        }
        blobs.put(key, TranscriptCodec.write(transcript), "application/json");
        log(episodeId, "stored " + transcript.segments().size() + " segments from " + transcript.source() + " at " + key);
        return Optional.of(stored.announce(key, transcript));
    }

    private Transcript fromOutput(String outputKey, Episode episode, String language) {
        Optional<byte[]> output = blobs.get(outputKey);
        if (output.isEmpty()) {
            log(episode.id(), "job completed but its output " + outputKey + " is missing; using show notes");
            return null;
        }
        try {
            ParsedTranscript parsed = TranscriptParsers.parse(output.get(), "application/json");
            if (!TranscriptParsers.TRANSCRIBE.equals(parsed.source()) || parsed.isEmpty()) {
                log(episode.id(), "output " + outputKey + " has no transcribed words; using show notes");
                return null;
            }
            return parsed.toTranscript(episode.feedId(), episode.id(), language);
        } catch (RuntimeException e) {
            log(episode.id(), "output " + outputKey + " is unreadable (" + e.getMessage() + "); using show notes");
            return null;
        }
    }

    private void log(String episodeId, String message) {
        log.println("transcription-done: " + episodeId + ": " + message);
    }
}
