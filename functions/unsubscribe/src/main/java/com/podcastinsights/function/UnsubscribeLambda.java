package com.podcastinsights.function;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.json.Json;
import com.podcastinsights.stage.UnsubscribeStage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Unsubscribe in Lambda: the environment read once, the signing key and the clients read and built once, and the
 * SnapStart priming.
 */
final class UnsubscribeLambda {
    /** Held for the function's life: the CRaC context keeps its resources weakly. */
    static SnapStart snapStart;

    private UnsubscribeLambda() {
    }

    static UnsubscribeEndpoint endpoint(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String tableName = env.require("TABLE_NAME");
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.secretsManager(region, null, credentials), secret);
        Supplier<UnsubscribeKeys> keys = () -> UnsubscribeKeys.parse(new String(key.read(), StandardCharsets.UTF_8));
        UnsubscribeEndpoint endpoint = UnsubscribeStage.build(
                        new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), tableName),
                        keys.get(), Clock.systemUTC())
                // a rotation's new key is learnt when a token names it, at most one secret read a minute
                .rereadingKeys(keys, Duration.ofMinutes(1));
        snapStart = SnapStart.register(() -> prime(endpoint));
        return endpoint;
    }

    /**
     * SnapStart: DynamoDB against a canned transport, the credentials path, and the public URL's own path for a
     * link that is not valid (token check, page, Function URL response through Jackson), which reads and writes
     * nothing. No network.
     */
    static void prime(UnsubscribeEndpoint endpoint) throws Exception {
        Priming.dynamoDb();
        Priming.containerCredentials();
        Json.MAPPER.readTree("{\"requestContext\":{\"http\":{\"method\":\"GET\"}},"
                + "\"queryStringParameters\":{\"token\":\"priming\"}}");
        Json.MAPPER.writeValueAsBytes(UnsubscribeHandler.functionUrlResponse(endpoint.handle("GET", "priming")));
    }
}
