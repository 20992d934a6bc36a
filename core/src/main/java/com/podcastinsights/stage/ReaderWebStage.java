package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DailySelection;
import com.podcastinsights.digest.ReaderFeedback;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;
import com.podcastinsights.web.ArchivePages;
import com.podcastinsights.web.FeedbackPages;
import com.podcastinsights.web.PageContext;
import com.podcastinsights.web.PreferencesPage;
import com.podcastinsights.web.RateLimit;
import com.podcastinsights.web.ReaderWeb;
import com.podcastinsights.web.SignUpPages;
import com.podcastinsights.web.SignUps;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The reader web (the Unsubscribe function's URL): sign-up, confirmation, preferences, feedback, archive and
 * one-click unsubscribe, on the table, the mailer (confirmation emails) and the unsubscribe endpoint's keys.
 */
public final class ReaderWebStage {
    /** The topics the sign-up offers when the stack names none. */
    public static final List<String> DEFAULT_TOPICS = List.of("AI", "batteries", "climate", "energy", "health", "sleep");

    private ReaderWebStage() {
    }

    /** The web's configuration ({@link ReaderWeb.Config}) read once: from the environment, or for a local run. */
    public static final class Config {
        private Config() {
        }

        public static ReaderWeb.Config local(Settings settings) {
            return new ReaderWeb.Config(DEFAULT_TOPICS, settings.digestZone(), 7, settings.senderAddress());
        }

        public static ReaderWeb.Config from(Env env) {
            String topics = env.optional("READER_TOPICS", "");
            return new ReaderWeb.Config(topics.isBlank() ? DEFAULT_TOPICS : Arrays.stream(topics.split(","))
                    .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList(),
                    env.zone("DIGEST_TIME_ZONE"), (int) env.wholeNumber("DEFAULT_SEND_HOUR", 7, 0),
                    env.require("SENDER_ADDRESS"));
        }
    }

    public static ReaderWeb build(ReaderWeb.Config config, Table table, Mailer mailer, UnsubscribeEndpoint unsubscribe,
                                  Clock clock) {
        WebToken tokens = new WebToken(() -> unsubscribe.tokens().keys());
        RateLimit limits = new RateLimit(table, tokens);
        Settings settings = Settings.defaults().withDigestZone(config.digestZone());
        PageContext site = new PageContext(config, new SubscriberRepository(table), tokens, limits, clock);
        return new ReaderWeb(
                new SignUpPages(site, new SignUps(table, mailer, tokens, limits, config.sender())),
                new PreferencesPage(site, new FeedRepository(table), unsubscribe::tokens),
                new FeedbackPages(site, new InsightRepository(table), new ReaderFeedback(table)),
                new ArchivePages(new DailySelection(new InsightRepository(table), table, settings)),
                unsubscribe);
    }
}
