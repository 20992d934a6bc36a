package com.podcastinsights.function;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;
import com.podcastinsights.stage.ReaderWebStage;
import com.podcastinsights.stage.UnsubscribeStage;

import java.time.Clock;

/** The reader-web handler as its Lambda builds it, on a test's table, keys, clock and mailer. */
final class ReaderWebHandlers {
    private ReaderWebHandlers() {
    }

    static ReaderWebHandler on(Table table, UnsubscribeKeys keys, Clock clock, Mailer mailer) {
        return new ReaderWebHandler(ReaderWebStage.build(ReaderWebStage.Config.local(Settings.defaults()), table, mailer,
                UnsubscribeStage.build(table, keys, clock), clock));
    }
}
