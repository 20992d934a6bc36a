package com.podcastinsights.transcript;

import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An episode's stored transcript and its announcement, as FetchTranscript and TranscriptionDone both read and
 * announce it: a replayed event finds the transcript stored and announces it again.
 */
final class StoredTranscripts {
    private final BlobStore blobs;
    private final EventPublisher events;

    StoredTranscripts(BlobStore blobs, EventPublisher events) {
        this.blobs = blobs;
        this.events = events;
    }

    /** The transcript at {@code key}; empty when there is none, or when it is unreadable (told to {@code unreadable}). */
    Optional<Transcript> read(String key, Consumer<String> unreadable) {
        Optional<byte[]> bytes = blobs.get(key);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            return Optional.of(TranscriptCodec.read(bytes.get()));
        } catch (IllegalArgumentException e) {
            unreadable.accept(e.getMessage());
            return Optional.empty();
        }
    }

    TranscriptStored announce(String key, Transcript transcript) {
        TranscriptStored detail = new TranscriptStored(transcript.feedId(), transcript.episodeId(), key,
                transcript.source(), transcript.segments().size());
        events.publish(List.of(EventEnvelope.toPipelineEvent(PipelineEvents.TRANSCRIPT_STORED, detail)));
        return detail;
    }
}
