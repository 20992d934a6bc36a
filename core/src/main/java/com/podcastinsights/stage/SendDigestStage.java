package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.SendPacer;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;

import java.time.Clock;

/** SendDigest: the hourly schedule -> one digest email to each subscriber whose local send hour it is. */
public final class SendDigestStage {
    private SendDigestStage() {
    }

    /**
     * {@code maxSendRate}: SES's sending quota per second (0: unpaced); {@code defaultSendHour}: the local hour of
     * subscribers without their own (null: every run sends to them, as local runs do).
     */
    public record Config(Settings settings, double maxSendRate, Integer defaultSendHour, String configurationSet) {
        public static Config local(Settings settings) {
            return new Config(settings, 0, null, null);
        }

        public static Config from(Env env) {
            return new Config(Settings.defaults().withSenderAddress(env.require("SENDER_ADDRESS"))
                    .withDigestZone(env.zone("DIGEST_TIME_ZONE"))
                    .withSender(env.optional("SENDER_NAME", ""), env.optional("POSTAL_ADDRESS", "")),
                    env.decimal("SES_MAX_SEND_RATE", 1),
                    (int) env.wholeNumber("DEFAULT_SEND_HOUR", 7, 0),
                    env.optional("CONFIGURATION_SET", null));
        }
    }

    public static DigestSender build(Config config, Table table, Mailer mailer, Clock clock, UnsubscribeLinks unsubscribe) {
        return new DigestSender(table, mailer, clock, config.settings(), unsubscribe,
                SendPacer.perSecond(config.maxSendRate()), config.defaultSendHour());
    }
}
