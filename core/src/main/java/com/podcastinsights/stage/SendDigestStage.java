package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.SendPacer;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;

import java.time.Clock;

/**
 * The digest sender: one batch of readers at a time, paced at its share of the SES rate (DigestSender in Lambda, the
 * digest queue's consumer; {@link DigestPlannerStage} plans the batches). Locally one process plans and sends.
 */
public final class SendDigestStage {
    /** Seconds of sending one batch is sized for: well inside the sender's timeout, stopping 20 s before it. */
    public static final int BATCH_SECONDS = 60;

    private SendDigestStage() {
    }

    /**
     * {@code maxSendRate}: SES's sending quota per second (0: unpaced), shared by {@code senders} concurrent
     * senders (the event source mapping's maximum concurrency), so each paces at its share; {@code defaultSendHour}:
     * the local hour of subscribers without their own (null: every run sends to them, as local runs do).
     */
    public record Config(Settings settings, double maxSendRate, Integer defaultSendHour, String configurationSet,
                         int senders) {
        public Config {
            if (senders < 1) throw new IllegalArgumentException("senders must be at least 1");
        }

        public static Config local(Settings settings) {
            return new Config(settings, 0, null, null, 1);
        }

        public static Config from(Env env) {
            return new Config(Settings.defaults().withSenderAddress(env.require("SENDER_ADDRESS"))
                    .withDigestZone(env.zone("DIGEST_TIME_ZONE"))
                    .withSender(env.optional("SENDER_NAME", ""), env.optional("POSTAL_ADDRESS", "")),
                    env.decimal("SES_MAX_SEND_RATE", 1),
                    (int) env.wholeNumber("DEFAULT_SEND_HOUR", 7, 0),
                    env.optional("CONFIGURATION_SET", null),
                    (int) env.wholeNumber("DIGEST_SENDERS", 1, 1));
        }

        /** One sender's share of the account's rate. */
        public double ratePerSender() {
            return maxSendRate / senders;
        }
    }

    /** The sender: one batch at a time, paced at its share of the SES rate. */
    public static DigestSender build(Config config, Table table, Mailer mailer, Clock clock, UnsubscribeLinks unsubscribe) {
        return new DigestSender(table, mailer, clock, config.settings(), unsubscribe,
                SendPacer.perSecond(config.ratePerSender()), config.defaultSendHour());
    }
}
