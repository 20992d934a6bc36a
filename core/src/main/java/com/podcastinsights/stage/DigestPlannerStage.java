package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestPlanner;
import com.podcastinsights.port.Table;

import java.time.Clock;

/**
 * SendDigest's hourly run in Lambda: the readers whose local send hour it is, in batches for the digest queue. The
 * batches are sized so one takes about {@link SendDigestStage#BATCH_SECONDS} at one sender's share of the rate.
 */
public final class DigestPlannerStage {
    private DigestPlannerStage() {
    }

    public record Config(Settings settings, Integer defaultSendHour, int batchSize) {
        public static Config from(Env env) {
            int senders = (int) env.wholeNumber("DIGEST_SENDERS", 1, 1);
            return new Config(Settings.defaults().withDigestZone(env.zone("DIGEST_TIME_ZONE")),
                    (int) env.wholeNumber("DEFAULT_SEND_HOUR", 7, 0),
                    DigestPlanner.batchSizeFor(env.decimal("SES_MAX_SEND_RATE", 1), senders, SendDigestStage.BATCH_SECONDS));
        }
    }

    public static DigestPlanner build(Config config, Table table, Clock clock) {
        return new DigestPlanner(table, config.settings(), config.defaultSendHour(), config.batchSize(), clock);
    }
}
