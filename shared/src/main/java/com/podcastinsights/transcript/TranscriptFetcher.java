package com.podcastinsights.transcript;

import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.http.HttpResult;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Keys;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Episode Discovered -> normalized transcript in the bucket -> Transcript Stored.
 *
 * <p>The episode's published transcript wins; when there is none, or it cannot be fetched or read, the show
 * notes stand in. Idempotent: the transcript key depends only on the episode, and a replayed event finds
 * the stored transcript and re-announces it without downloading again.
 */
public final class TranscriptFetcher {
    private final EpisodeRepository episodes;
    private final BlobStore blobs;
    private final EventPublisher events;
    private final SafeHttpClient http;
    private final PrintStream log;

    public TranscriptFetcher(EpisodeRepository episodes, BlobStore blobs, EventPublisher events, SafeHttpClient http) {
        this(episodes, blobs, events, http, System.err);
    }

    public TranscriptFetcher(EpisodeRepository episodes, BlobStore blobs, EventPublisher events, SafeHttpClient http,
                             PrintStream log) {
        this.episodes = episodes;
        this.blobs = blobs;
        this.events = events;
        this.http = http;
        this.log = log;
    }

    /** The stored transcript's event detail, or empty when the episode has no text at all. */
    public Optional<TranscriptStored> fetch(EpisodeDiscovered discovered) {
        String key = Keys.transcriptKey(discovered.feedId(), discovered.episodeId());
        Optional<Transcript> existing = stored(key, discovered);
        if (existing.isPresent()) {
            log("already stored at " + key + ", announcing again", discovered);
            return Optional.of(announce(key, existing.get()));
        }
        Episode episode = episodes.find(discovered.feedId(), discovered.episodeId())
                .orElseThrow(() -> new IllegalStateException("no episode " + discovered.episodeId() + " in feed "
                        + discovered.feedId() + "; it is recorded before it is announced, so this event is stale or foreign"));
        ParsedTranscript parsed = fromTranscriptUrl(episode);
        if (parsed == null || parsed.isEmpty()) {
            parsed = ShowNotes.parse(episode.showNotes());
        }
        if (parsed.isEmpty()) {
            log("no transcript and no show notes; nothing to store", discovered);
            return Optional.empty();
        }
        Transcript transcript = parsed.toTranscript(episode.feedId(), episode.id(), null);
        blobs.put(key, TranscriptCodec.write(transcript), "application/json");
        log("stored " + transcript.segments().size() + " segments from " + transcript.source() + " at " + key, discovered);
        return Optional.of(announce(key, transcript));
    }

    /** The transcript a previous delivery stored; an unreadable one is rebuilt rather than failing forever. */
    private Optional<Transcript> stored(String key, EpisodeDiscovered discovered) {
        Optional<byte[]> bytes = blobs.get(key);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            return Optional.of(TranscriptCodec.read(bytes.get()));
        } catch (IllegalArgumentException e) {
            log("stored transcript at " + key + " is unreadable (" + e.getMessage() + "); rebuilding it", discovered);
            return Optional.empty();
        }
    }

    private ParsedTranscript fromTranscriptUrl(Episode episode) {
        if (episode.transcriptUrl() == null || episode.transcriptUrl().isBlank()) return null;
        try {
            HttpResult result = http.get(URI.create(episode.transcriptUrl()), null, null);
            String declared = TranscriptParsers.formatOf(episode.transcriptType()) != null
                    ? episode.transcriptType() : result.contentType();
            ParsedTranscript parsed = TranscriptParsers.parse(result.body(), declared);
            if (parsed.isEmpty()) {
                log.println("fetch-transcript: " + episode.id() + ": transcript " + episode.transcriptUrl()
                        + " has no text; using show notes");
            }
            return parsed;
        } catch (Exception e) {
            // A dead or malformed transcript link should not cost the episode its insights.
            log.println("fetch-transcript: " + episode.id() + ": transcript " + episode.transcriptUrl()
                    + " unusable (" + e.getMessage() + "); using show notes");
            return null;
        }
    }

    private TranscriptStored announce(String key, Transcript transcript) {
        TranscriptStored detail = new TranscriptStored(transcript.feedId(), transcript.episodeId(), key,
                transcript.source(), transcript.segments().size());
        events.publish(List.of(EventEnvelope.toPipelineEvent(PipelineEvents.TRANSCRIPT_STORED, detail)));
        return detail;
    }

    private void log(String message, EpisodeDiscovered d) {
        log.println("fetch-transcript: " + d.episodeId() + ": " + message);
    }
}
