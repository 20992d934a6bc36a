package com.podcastinsights.function;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.port.Table;
import com.podcastinsights.stage.ReaderWebStage;
import com.podcastinsights.stage.UnsubscribeStage;
import com.podcastinsights.web.ReaderWeb;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** The reader web in Lambda: the environment read once, the signing keys and the clients read and built once. */
final class ReaderWebLambda {
    private ReaderWebLambda() {
    }

    static ReaderWeb web(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String tableName = env.require("TABLE_NAME");
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        ReaderWeb.Config config = ReaderWebStage.Config.from(env);
        String configurationSet = env.optional("CONFIGURATION_SET", null);
        LambdaPorts aws = new LambdaPorts();
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.secretsManager(aws.region(), null, aws.credentials()), secret);
        Supplier<UnsubscribeKeys> keys = () -> UnsubscribeKeys.parse(new String(key.read(), StandardCharsets.UTF_8));
        Table table = aws.table(tableName);
        var unsubscribe = UnsubscribeStage.build(table, keys.get(), Clock.systemUTC())
                // a rotation's new key is learnt when a token names it, at most one secret read a minute
                .rereadingKeys(keys, Duration.ofMinutes(1));
        return ReaderWebStage.build(config, table, new SesMailer(AwsClients.sesV2(aws.region(), null, aws.credentials()),
                configurationSet), unsubscribe, Clock.systemUTC());
    }
}
