package com.podcastinsights.transcript;

import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.EpisodeTranscripts;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.http.HttpResult;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Episode Discovered -> normalized transcript in the bucket -> Transcript Stored.
 *
 * <p>The episode's published transcripts win, tried in {@link TranscriptChoice} order; when there is none, or
 * none can be fetched or read, the show notes stand in (source "show-notes", which ranking weighs lower).
 * Idempotent: the transcript key depends only on the episode, and a replayed event finds the stored
 * transcript and re-announces it without downloading again.
 */
public final class TranscriptFetcher {
    /** Links tried per episode: each failed download costs up to the HTTP timeout. */
    static final int MAX_ATTEMPTS = 3;
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
        Item item = episodes.findItem(discovered.feedId(), discovered.episodeId())
                .orElseThrow(() -> new IllegalStateException("no episode " + discovered.episodeId() + " in feed "
                        + discovered.feedId() + "; it is recorded before it is announced, so this event is stale or foreign"));
        Episode episode = EpisodeRepository.episodeOf(item);
        EpisodeTranscripts listed = EpisodeTranscripts.from(item);
        Transcript transcript = fromTranscriptLinks(episode, listed);
        if (transcript == null) {
            ParsedTranscript notes = ShowNotes.parse(episode.showNotes());
            if (notes.isEmpty()) {
                log("no transcript and no show notes; nothing to store", discovered);
                return Optional.empty();
            }
            transcript = notes.toTranscript(episode.feedId(), episode.id(), listed.feedLanguage());
        }
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

    /**
     * The first listed transcript, in order of preference, that downloads and has text; null when none does.
     * Episodes recorded before every link was kept have only the one link on the episode itself.
     */
    private Transcript fromTranscriptLinks(Episode episode, EpisodeTranscripts listed) {
        List<TranscriptLink> links = listed.links();
        if (links.isEmpty() && episode.transcriptUrl() != null && !episode.transcriptUrl().isBlank()) {
            links = List.of(new TranscriptLink(episode.transcriptUrl(), episode.transcriptType(), null, null));
        }
        List<TranscriptLink> ordered = TranscriptChoice.inOrder(links, listed.feedLanguage());
        for (TranscriptLink link : ordered.subList(0, Math.min(MAX_ATTEMPTS, ordered.size()))) {
            ParsedTranscript parsed = download(episode, link);
            if (parsed != null && !parsed.isEmpty()) {
                return parsed.toTranscript(episode.feedId(), episode.id(),
                        TranscriptChoice.languageOf(link, listed.feedLanguage()));
            }
        }
        if (!ordered.isEmpty()) {
            log.println("fetch-transcript: " + episode.id() + ": no listed transcript usable; using show notes");
        }
        return null;
    }

    private ParsedTranscript download(Episode episode, TranscriptLink link) {
        try {
            HttpResult result = http.get(URI.create(link.url()), null, null);
            String declared = TranscriptParsers.formatOf(link.type()) != null ? link.type() : result.contentType();
            ParsedTranscript parsed = TranscriptParsers.parse(result.body(), declared);
            if (parsed.isEmpty()) {
                log.println("fetch-transcript: " + episode.id() + ": transcript " + link.url() + " has no text");
            }
            return parsed;
        } catch (Exception e) {
            // A dead or malformed transcript link should not cost the episode its insights.
            // one line whatever the server put in the message
            log.println("fetch-transcript: " + episode.id() + ": transcript " + link.url() + " unusable ("
                    + String.valueOf(e.getMessage()).replaceAll("[\\s\\p{Cntrl}]+", " ").strip() + ")");
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
