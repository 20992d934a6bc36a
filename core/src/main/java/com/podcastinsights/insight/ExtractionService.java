package com.podcastinsights.insight;

import com.podcastinsights.config.Settings;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.Table;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.TranscriptCodec;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Transcript Stored -> the episode's best insights in the table -> Insights Extracted. Safe to run twice for
 * the same event: the same transcript gives the same insights under the same keys, on the same day.
 */
public final class ExtractionService {
    private final BlobStore blobs;
    private final EpisodeRepository episodes;
    private final InsightRepository insights;
    private final EventPublisher events;
    private final Clock clock;
    private final Settings settings;
    private final InsightExtractor extractor = new InsightExtractor();
    private final InsightRewriter rewriter;

    public ExtractionService(BlobStore blobs, Table table, EventPublisher events, Clock clock, Settings settings) {
        this(blobs, table, events, clock, settings, InsightRewriter.NONE);
    }

    public ExtractionService(BlobStore blobs, Table table, EventPublisher events, Clock clock, Settings settings,
                             InsightRewriter rewriter) {
        this.rewriter = rewriter;
        this.blobs = blobs;
        this.episodes = new EpisodeRepository(table);
        this.insights = new InsightRepository(table);
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    public InsightsExtracted extract(TranscriptStored stored) {
        byte[] json = blobs.get(stored.transcriptKey()).orElseThrow(() -> new IllegalStateException(
                "transcript " + stored.transcriptKey() + " is not in the bucket (episode " + stored.episodeId() + ")"));
        Transcript transcript = TranscriptCodec.read(json);
        Episode episode = episodes.find(stored.feedId(), stored.episodeId()).orElseThrow(() -> new IllegalStateException(
                "episode " + stored.episodeId() + " of feed " + stored.feedId() + " is not in the table"));
        String day = dayOf(episode, settings.digestZone()).orElseThrow(() -> new IllegalStateException(
                "episode " + stored.episodeId() + " has no discoveredAt, so it has no digest day"));
        ShowHistory history = history(stored.feedId(), stored.episodeId());
        List<ExtractedInsight> found = rewritten(
                extractor.insights(transcript, episode, day, settings.insightsPerEpisode(), history));
        // after the ranking, so an episode is never its own history; the same key on a replay
        blobs.put(Keys.fingerprintKey(stored.feedId(), day, stored.episodeId()), ShowHistory.fingerprint(transcript),
                "application/octet-stream");
        insights.save(episode.id(), found, clock.instant().toString());
        InsightsExtracted result = new InsightsExtracted(episode.feedId(), episode.id(), day, found.size());
        events.publish(List.of(EventEnvelope.toPipelineEvent(PipelineEvents.INSIGHTS_EXTRACTED, result)));
        return result;
    }

    /**
     * The digest day of an episode: the day it was <em>discovered</em>, in the digest's zone; empty when its
     * {@code discoveredAt} is not an instant. Not the day extraction ran: a replay the next morning, or a retry
     * after midnight, must file the insight under the same day it was first filed under, or the digest would see
     * it twice or never. Not the publish date either: feeds backdate episodes, and an episode published last week
     * but found today is news today.
     */
    static Optional<String> dayOf(Episode episode, ZoneId zone) {
        try {
            return Optional.of(Instant.parse(episode.discoveredAt()).atZone(zone).toLocalDate().toString());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** How many of the show's most recent episodes are compared: enough to see its intro and ads recur. */
    static final int HISTORY_EPISODES = 8;

    /** The fingerprints of the show's most recent other episodes (keys sort by digest day, oldest first). */
    private ShowHistory history(String feedId, String episodeId) {
        List<String> keys = blobs.list(Keys.fingerprintPrefix(feedId)).stream()
                .filter(k -> !k.endsWith("/" + episodeId)).toList();
        List<byte[]> recent = new java.util.ArrayList<>();
        for (String k : keys.subList(Math.max(0, keys.size() - HISTORY_EPISODES), keys.size())) {
            blobs.get(k).ifPresent(recent::add);
        }
        return ShowHistory.ofFingerprints(recent);
    }

    /**
     * The optional model step: a candidate it rejects is dropped (its rank stays free); a kept one changes only its
     * display text, while rank, score, link and source stay.
     */
    private List<ExtractedInsight> rewritten(List<ExtractedInsight> found) {
        if (rewriter == InsightRewriter.NONE || found.isEmpty()) return found;
        List<InsightRewriter.Verdict> verdicts = rewriter.review(found.stream().map(e -> new RankedPassage(
                e.insight().text(), e.sourceText(), e.insight().score(), e.insight().startSeconds(),
                e.insight().speaker())).toList());
        List<ExtractedInsight> out = new java.util.ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            ExtractedInsight e = found.get(i);
            InsightRewriter.Verdict v = verdicts.get(i);
            if (!v.keep()) continue;
            out.add(new ExtractedInsight(e.rank(), e.insight().withText(v.text()), e.sourceText()));
        }
        return out;
    }
}
