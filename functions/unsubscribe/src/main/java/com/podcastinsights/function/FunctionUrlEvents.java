package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.json.Json;
import com.podcastinsights.web.WebHeaders;
import com.podcastinsights.web.WebRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A Lambda Function URL request (payload format 2.0) as a {@link WebRequest}, and a {@link WebResponse} as its answer. */
final class FunctionUrlEvents {
    private FunctionUrlEvents() {
    }

    /** Throws IllegalArgumentException for a body or query larger than any form of ours. */
    static WebRequest request(JsonNode e) {
        JsonNode headers = e.path("headers"), http = e.path("requestContext").path("http");
        String body = e.path("body").asText("");
        if (e.path("isBase64Encoded").asBoolean(false)) body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        boolean form = headers.path("content-type").asText("").startsWith("application/x-www-form-urlencoded");
        // a client that sends only the parsed parameters (older tests, hand-made events) still reaches its page
        String query = e.hasNonNull("rawQueryString") ? e.path("rawQueryString").asText()
                : e.path("queryStringParameters").has("token") ? "token=" + URLEncoder.encode(
                e.path("queryStringParameters").path("token").asText(), StandardCharsets.UTF_8) : "";
        // Function URLs always set x-forwarded-proto (https); the local server says http
        String host = e.path("requestContext").path("domainName").asText(headers.path("host").asText("localhost"));
        return new WebRequest(http.path("method").asText("GET"), e.path("rawPath").asText("/"), WebRequest.decode(query),
                form ? WebRequest.decode(body) : Map.of(), headers.path("x-forwarded-proto").asText("https") + "://" + host + "/",
                http.path("sourceIp").asText(null), headers.path("origin").asText(null));
    }

    static ObjectNode response(WebResponse response) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("statusCode", response.status());
        WebHeaders.of(response).forEach(out.putObject("headers")::put);
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        return out;
    }
}
