package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.SecretsManagerKey;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.port.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The RFC 8058 one-click unsubscribe endpoint behind a Lambda Function URL (payload format 2.0): the token is
 * the {@code token} query parameter of the link in the email's List-Unsubscribe header and footer. POST
 * unsubscribes, GET shows a confirmation button; {@link UnsubscribeEndpoint} has the rules.
 */
public final class UnsubscribeHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UnsubscribeEndpoint endpoint;

    /** Lambda's constructor: reads the signing key and builds the clients once per execution environment. */
    public UnsubscribeHandler() {
        this(Env.system());
    }

    private UnsubscribeHandler(Env env) {
        // every variable first, so a misconfigured function fails on the missing name, before any client exists
        String tableName = env.require("TABLE_NAME");
        String secret = env.require("UNSUBSCRIBE_SECRET_ARN");
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.secretsManager(region, null, credentials), secret);
        Supplier<UnsubscribeKeys> keys = () -> UnsubscribeKeys.parse(new String(key.read(), StandardCharsets.UTF_8));
        this.endpoint = new UnsubscribeEndpoint(
                new SubscriberRepository(new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), tableName)),
                new UnsubscribeToken(keys.get()), Clock.systemUTC())
                // a rotation's new key is learnt when a token names it, at most one secret read a minute
                .rereadingKeys(keys, Duration.ofMinutes(1));
    }

    public UnsubscribeHandler(Table table, byte[] key, Clock clock) {
        this(table, UnsubscribeKeys.single(key), clock);
    }

    public UnsubscribeHandler(Table table, UnsubscribeKeys keys, Clock clock) {
        this.endpoint = new UnsubscribeEndpoint(new SubscriberRepository(table), new UnsubscribeToken(keys), clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JSON.readTree(input);
        String method = request.path("requestContext").path("http").path("method").asText("GET");
        JsonNode token = request.path("queryStringParameters").path("token");
        WebResponse response = endpoint.handle(method, token.isTextual() ? token.asText() : null);
        JSON.writeValue(output, functionUrlResponse(response));
    }

    static ObjectNode functionUrlResponse(WebResponse response) {
        ObjectNode out = JSON.createObjectNode();
        out.put("statusCode", response.status());
        ObjectNode headers = out.putObject("headers");
        headers.put("content-type", WebResponse.CONTENT_TYPE);
        headers.put("cache-control", "no-store");
        headers.put("x-robots-tag", "noindex");
        headers.put("referrer-policy", "no-referrer");
        headers.put("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        return out;
    }
}
