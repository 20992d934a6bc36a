package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The RFC 8058 one-click unsubscribe endpoint behind a Lambda Function URL (payload format 2.0): the token is
 * the {@code token} query parameter of the link in the email's List-Unsubscribe header and footer. POST
 * unsubscribes, GET shows a confirmation button; {@link UnsubscribeEndpoint} has the rules.
 */
public final class UnsubscribeHandler implements RequestStreamHandler {
    private final UnsubscribeEndpoint endpoint;

    public UnsubscribeHandler() {
        this(UnsubscribeLambda.endpoint(Env.system()));
    }

    /** Local runs and tests: the stage as {@code UnsubscribeStage} builds it on their ports. */
    public UnsubscribeHandler(UnsubscribeEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = Json.MAPPER.readTree(input);
        String method = request.path("requestContext").path("http").path("method").asText("GET");
        JsonNode token = request.path("queryStringParameters").path("token");
        WebResponse response = endpoint.handle(method, token.isTextual() ? token.asText() : null);
        Json.MAPPER.writeValue(output, functionUrlResponse(response));
    }

    static ObjectNode functionUrlResponse(WebResponse response) {
        ObjectNode out = Json.MAPPER.createObjectNode();
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
