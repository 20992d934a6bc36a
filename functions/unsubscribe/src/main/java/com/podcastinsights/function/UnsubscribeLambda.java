package com.podcastinsights.function;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.stage.UnsubscribeStage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Unsubscribe in Lambda: the environment read once, the signing key and the clients read and built once. */
final class UnsubscribeLambda {
    private UnsubscribeLambda() {
    }

    static UnsubscribeEndpoint endpoint(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String tableName = env.require("TABLE_NAME");
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        LambdaPorts aws = new LambdaPorts();
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.secretsManager(aws.region(), null, aws.credentials()), secret);
        Supplier<UnsubscribeKeys> keys = () -> UnsubscribeKeys.parse(new String(key.read(), StandardCharsets.UTF_8));
        return UnsubscribeStage.build(aws.table(tableName),
                keys.get(), Clock.systemUTC())
                // a rotation's new key is learnt when a token names it, at most one secret read a minute
                .rereadingKeys(keys, Duration.ofMinutes(1));
    }
}
