package com.podcastinsights.transcript;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.http.HttpResult;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.store.Keys;

import java.io.IOException;
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
 *
 * <p>Speech-to-text (optional): with an {@link AudioTranscriber}, an episode of an opted-in feed that has no usable
 * transcript gets its audio transcribed instead, and nothing is stored yet: TranscriptionCompletion stores the
 * result (or, if the job fails, the show notes) when the job ends. When the audio cannot be fetched (too large,
 * refused, timed out) the show notes are stored at once, as without speech-to-text.
 */
public final class TranscriptFetcher {
    /** Links tried per episode: each failed download costs up to the HTTP timeout. */
    static final int MAX_ATTEMPTS = 3;
    private final EpisodeRepository episodes;
    private final BlobStore blobs;
    private final StoredTranscripts stored;
    private final SafeHttpClient http;
    private final PrintStream log;
    private final FeedRepository feeds;
    private final AudioTranscriber transcriber;

    public TranscriptFetcher(EpisodeRepository episodes, BlobStore blobs, EventPublisher events, SafeHttpClient http) {
        this(episodes, blobs, events, http, System.err);
    }

    /** With speech-to-text: {@code transcriber} null, or its policy off, is the same as without. */
    public TranscriptFetcher(EpisodeRepository episodes, BlobStore blobs, EventPublisher events, SafeHttpClient http,
                             FeedRepository feeds, AudioTranscriber transcriber, PrintStream log) {
        this.episodes = episodes;
        this.blobs = blobs;
        this.stored = new StoredTranscripts(blobs, events);
        this.http = http;
        this.log = log;
        this.feeds = feeds;
        this.transcriber = transcriber;
    }

    public TranscriptFetcher(EpisodeRepository episodes, BlobStore blobs, EventPublisher events, SafeHttpClient http,
                             PrintStream log) {
        this(episodes, blobs, events, http, null, null, log);
    }

    /**
     * What one delivery did: the stored transcript's event detail (empty when the episode has no text at all),
     * and how many listed transcript links were tried and how many of those failed (download or parse), so a dead
     * link shows in the invocation's summary, not only in the log, even when another link or the show notes
     * stood in for it.
     */
    public record Outcome(Optional<TranscriptStored> stored, int linksTried, int linksFailed,
                          AudioTranscriber.Outcome transcriptionSkipped) {
        public Outcome(Optional<TranscriptStored> stored, int linksTried, int linksFailed) {
            this(stored, linksTried, linksFailed, null);
        }

        /** Why speech-to-text was skipped, as the metric's Reason label (DailyCap or NotFresh); null when it was not. */
        public String skipReason() {
            if (transcriptionSkipped == null) return null;
            return transcriptionSkipped == AudioTranscriber.Outcome.SKIPPED_DAILY_CAP ? "DailyCap" : "NotFresh";
        }

        /** The handler's JSON summary of the episode's fetch. */
        public ObjectNode summary(EpisodeDiscovered discovered) {
            ObjectNode summary = Json.MAPPER.createObjectNode()
                    .put("feedId", discovered.feedId())
                    .put("episodeId", discovered.episodeId())
                    .put("stored", stored.isPresent())
                    .put("linksTried", linksTried)
                    .put("linksFailed", linksFailed);
            if (skipReason() != null) summary.put("transcriptionSkipped", skipReason());
            stored.ifPresent(s -> summary.put("transcriptKey", s.transcriptKey())
                    .put("source", s.source())
                    .put("segments", s.segments()));
            return summary;
        }
    }

    /** The stored transcript's event detail, or empty when the episode has no text at all. */
    public Optional<TranscriptStored> fetch(EpisodeDiscovered discovered) {
        return fetchReporting(discovered).stored();
    }

    public Outcome fetchReporting(EpisodeDiscovered discovered) {
        String key = Keys.transcriptKey(discovered.feedId(), discovered.episodeId());
        Optional<Transcript> existing = stored.read(key, problem -> log("stored transcript at " + key
                + " is unreadable (" + problem + "); rebuilding it", discovered));
        if (existing.isPresent()) {
            log("already stored at " + key + ", announcing again", discovered);
            return new Outcome(Optional.of(stored.announce(key, existing.get())), 0, 0);
        }
        Episode episode = episodes.find(discovered.feedId(), discovered.episodeId())
                .orElseThrow(() -> new IllegalStateException("no episode " + discovered.episodeId() + " in feed "
                        + discovered.feedId() + "; it is recorded before it is announced, so this event is stale or foreign"));
        int[] tally = new int[2]; // links tried, links failed
        Transcript transcript = fromTranscriptLinks(episode, tally);
        AudioTranscriber.Outcome speechToText = null;
        if (transcript == null) {
            speechToText = transcription(episode, discovered);
            if (speechToText == AudioTranscriber.Outcome.STARTED || speechToText == AudioTranscriber.Outcome.ALREADY_STARTED) {
                return new Outcome(Optional.empty(), tally[0], tally[1]);
            }
        }
        AudioTranscriber.Outcome skipped = speechToText == AudioTranscriber.Outcome.SKIPPED_DAILY_CAP
                || speechToText == AudioTranscriber.Outcome.SKIPPED_NOT_FRESH ? speechToText : null;
        if (transcript == null) {
            ParsedTranscript notes = ShowNotes.parse(episode.showNotes());
            if (notes.isEmpty()) {
                log("no transcript, and no show notes that state anything (bios, links and lists are left out); nothing to store", discovered);
                return new Outcome(Optional.empty(), tally[0], tally[1], skipped);
            }
            transcript = notes.toTranscript(episode.feedId(), episode.id(), episode.language());
        }
        blobs.put(key, TranscriptCodec.write(transcript), "application/json");
        log("stored " + transcript.segments().size() + " segments from " + transcript.source() + " at " + key, discovered);
        return new Outcome(Optional.of(stored.announce(key, transcript)), tally[0], tally[1], skipped);
    }

    /**
     * What speech-to-text did with the episode: started (now or by an earlier delivery), skipped by its spend
     * limits, or null when it does not apply (off, not opted in, no audio, the audio unusable).
     */
    private AudioTranscriber.Outcome transcription(Episode episode, EpisodeDiscovered discovered) {
        if (transcriber == null) return null;
        boolean optedIn = feeds != null && feeds.find(episode.feedId()).map(Feed::transcribe).orElse(false);
        TranscriptionDecision decision = TranscriptionDecision.decide(transcriber.policy().enabled(), optedIn,
                episode.enclosureUrl());
        if (decision != TranscriptionDecision.TRANSCRIBE) {
            if (optedIn) log("no speech-to-text (" + decision + "); using show notes", discovered);
            return null;
        }
        try {
            AudioTranscriber.Outcome outcome = transcriber.start(episode, since(episode));
            log(switch (outcome) {
                case STARTED -> "no transcript; speech-to-text job started, the transcript is stored when it completes";
                case ALREADY_STARTED -> "speech-to-text job already started by an earlier delivery";
                case SKIPPED_DAILY_CAP -> "speech-to-text skipped: the day's audio minutes or dollars are spent; using show notes";
                case SKIPPED_NOT_FRESH -> "speech-to-text skipped: published before the freshness window; using show notes";
            }, discovered);
            return outcome;
        } catch (IOException e) {
            // Service errors (throttling, permissions) are not caught: the invocation fails and is retried.
            log("speech-to-text not possible (" + e.getMessage() + "); using show notes", discovered);
            return null;
        }
    }

    /** When the episode was published, else when it was discovered; null when neither reads as an instant. */
    private static java.time.Instant since(Episode episode) {
        for (String at : new String[] {episode.publishedAt(), episode.discoveredAt()}) {
            if (at == null) continue;
            try {
                return java.time.Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                // try the next
            }
        }
        return null;
    }

    /** The first listed transcript, in order of preference, that downloads and has text; null when none does. */
    private Transcript fromTranscriptLinks(Episode episode, int[] tally) {
        List<TranscriptLink> ordered = TranscriptChoice.inOrder(episode.transcripts(), episode.language());
        for (TranscriptLink link : ordered.subList(0, Math.min(MAX_ATTEMPTS, ordered.size()))) {
            ParsedTranscript parsed = download(episode, link);
            tally[0]++;
            if (parsed == null || parsed.isEmpty()) tally[1]++;
            if (parsed != null && !parsed.isEmpty()) {
                return parsed.toTranscript(episode.feedId(), episode.id(),
                        TranscriptChoice.languageOf(link, episode.language()));
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
            // The server's word on what it sent outranks the feed's: a PDF is refused even if the feed says VTT.
            TextSniffer.requireReadableType(result.contentType());
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

    private void log(String message, EpisodeDiscovered d) {
        log.println("fetch-transcript: " + d.episodeId() + ": " + message);
    }
}
