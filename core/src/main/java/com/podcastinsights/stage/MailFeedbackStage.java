package com.podcastinsights.stage;

import com.podcastinsights.config.Env;
import com.podcastinsights.digest.MailFeedback;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.port.Table;

/** MailFeedback: SES bounces and complaints of the stack's configuration set -> subscribers suppressed. */
public final class MailFeedbackStage {
    private MailFeedbackStage() {
    }

    /** {@code configurationSet}: the stack's SES configuration set; feedback on any other is ignored. */
    public record Config(String configurationSet) {
        public static Config from(Env env) {
            return new Config(env.require("CONFIGURATION_SET"));
        }
    }

    public static MailFeedback build(Config config, Table table) {
        return new MailFeedback(new SubscriberRepository(table), config.configurationSet());
    }
}
