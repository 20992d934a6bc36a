package com.podcastinsights.function;

import com.podcastinsights.aws.LambdaPorts;
import com.podcastinsights.aws.Priming;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.aws.SnapStart;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.json.Json;
import com.podcastinsights.port.Table;
import com.podcastinsights.stage.ReaderWebStage;
import com.podcastinsights.stage.UnsubscribeStage;
import com.podcastinsights.web.ReaderWeb;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The reader web in Lambda: the environment read once, the signing keys and the clients read and built once, and
 * the SnapStart priming.
 */
final class ReaderWebLambda {
    /** Held for the function's life: the CRaC context keeps its resources weakly. */
    static SnapStart snapStart;

    private ReaderWebLambda() {
    }

    static ReaderWeb web(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        LambdaPorts aws = new LambdaPorts(env.require("TABLE_NAME"));
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        ReaderWeb.Config config = ReaderWebStage.Config.from(env);
        String configurationSet = env.optional("CONFIGURATION_SET", null);
        SecretsManagerKey key = new SecretsManagerKey(aws.secretsManager(), secret);
        Supplier<UnsubscribeKeys> keys = () -> UnsubscribeKeys.parse(new String(key.read(), StandardCharsets.UTF_8));
        Table table = aws.table();
        var unsubscribe = UnsubscribeStage.build(table, keys.get(), Clock.systemUTC())
                // a rotation's new key is learnt when a token names it, at most one secret read a minute
                .rereadingKeys(keys, Duration.ofMinutes(1));
        ReaderWeb web = ReaderWebStage.build(config, table, new SesMailer(aws.sesV2(),
                configurationSet), unsubscribe, Clock.systemUTC());
        snapStart = SnapStart.register(() -> prime(web));
        return web;
    }

    /**
     * SnapStart: DynamoDB against canned answers on loopback, the credentials path, and the public URL's own path for an
     * unsubscribe link that is not valid (event in, token check, page, Function URL response through Jackson),
     * which reads and writes nothing. No network.
     */
    static void prime(ReaderWeb web) throws Exception {
        Priming.dynamoDb();
        Priming.containerCredentials();
        var event = Json.MAPPER.readTree("{\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":\"GET\","
                + "\"sourceIp\":\"192.0.2.1\"}},\"queryStringParameters\":{\"token\":\"priming\"}}");
        Json.MAPPER.writeValueAsBytes(FunctionUrlEvents.response(web.handle(FunctionUrlEvents.request(event))));
    }
}
