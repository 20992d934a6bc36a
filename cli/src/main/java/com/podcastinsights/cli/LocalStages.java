package com.podcastinsights.cli;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.function.ExtractInsightsHandler;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.function.FetchTranscriptHandler;
import com.podcastinsights.function.MailFeedbackHandler;
import com.podcastinsights.function.ReaderWebHandler;
import com.podcastinsights.function.SendDigestHandler;
import com.podcastinsights.function.TranscriptionDoneHandler;
import com.podcastinsights.insight.InsightRewriter;
import com.podcastinsights.stage.ExtractInsightsStage;
import com.podcastinsights.stage.FetchFeedsStage;
import com.podcastinsights.stage.FetchTranscriptStage;
import com.podcastinsights.stage.MailFeedbackStage;
import com.podcastinsights.stage.ReaderWebStage;
import com.podcastinsights.stage.UnsubscribeStage;
import com.podcastinsights.stage.SendDigestStage;
import com.podcastinsights.stage.TranscriptionDoneStage;

import java.time.Clock;

/**
 * The Lambda handlers on local ports: each stage built by the same factory its Lambda uses (core's {@code stage/}),
 * with the local configuration (no speech-to-text, no model step, unpaced mail, every run a send hour).
 */
public final class LocalStages {
    private LocalStages() {
    }

    public static FetchFeedsHandler fetchFeeds(LocalPorts p) {
        return fetchFeeds(p, FetchFeedsStage.Config.defaults());
    }

    public static FetchFeedsHandler fetchFeeds(LocalPorts p, FetchFeedsStage.Config config) {
        return new FetchFeedsHandler(FetchFeedsStage.build(config, p.table(), p.blobs(), p.events(), p.http(),
                p.clock()), p.clock());
    }

    public static FetchTranscriptHandler fetchTranscript(LocalPorts p) {
        return new FetchTranscriptHandler(FetchTranscriptStage.build(p.table(), p.blobs(), p.events(), p.http(), null),
                p.clock());
    }

    public static ExtractInsightsHandler extractInsights(LocalPorts p) {
        return new ExtractInsightsHandler(ExtractInsightsStage.build(ExtractInsightsStage.Config.local(p.settings()),
                p.blobs(), p.table(), p.events(), p.clock(), InsightRewriter.NONE), p.clock());
    }

    public static SendDigestHandler sendDigest(LocalPorts p) {
        return sendDigest(p, UnsubscribeLinks.local());
    }

    public static SendDigestHandler sendDigest(LocalPorts p, UnsubscribeLinks unsubscribe) {
        return new SendDigestHandler(SendDigestStage.build(SendDigestStage.Config.local(p.settings()), p.table(),
                p.mailer(), p.clock(), unsubscribe), p.clock());
    }

    public static MailFeedbackHandler mailFeedback(LocalPorts p, String configurationSet) {
        return new MailFeedbackHandler(MailFeedbackStage.build(new MailFeedbackStage.Config(configurationSet),
                p.table()), p.clock());
    }

    public static TranscriptionDoneHandler transcriptionDone(LocalPorts p, String jobPrefix) {
        return new TranscriptionDoneHandler(TranscriptionDoneStage.build(new TranscriptionDoneStage.Config(jobPrefix),
                p.table(), p.blobs(), p.events()));
    }

    /** The reader web (sign-up, preferences, feedback, archive, unsubscribe) signing with {@code keys}. */
    public static ReaderWebHandler readerWeb(Table table, Mailer mailer, Clock clock, Settings settings, UnsubscribeKeys keys) {
        return new ReaderWebHandler(ReaderWebStage.build(ReaderWebStage.Config.local(settings), table, mailer,
                UnsubscribeStage.build(table, keys, clock), clock));
    }
}
