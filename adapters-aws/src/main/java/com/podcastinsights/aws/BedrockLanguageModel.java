package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.port.LanguageModel;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link LanguageModel} on Amazon Bedrock: one Converse call, the schema passed as {@code outputConfig.textFormat}
 * ({@code json_schema}), the reply's text blocks joined and its {@code usage} read back.
 */
public record BedrockLanguageModel(BedrockConverseClient bedrock, String modelId) implements LanguageModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Reply complete(Request request) {
        JsonNode reply;
        try {
            reply = JSON.readTree(bedrock.converse(modelId, body(request).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Bedrock Converse " + modelId + " answered with a body that is not JSON", e);
        }
        return reply(reply);
    }

    /** The Converse request body (the model ID goes in the path). */
    static ObjectNode body(Request request) {
        ObjectNode req = JSON.createObjectNode();
        req.putArray("system").addObject().put("text", request.systemPrompt());
        ObjectNode message = req.putArray("messages").addObject().put("role", "user");
        message.putArray("content").addObject().put("text", request.userText());
        req.putObject("inferenceConfig").put("maxTokens", request.maxOutputTokens())
                .put("temperature", request.temperature());
        req.putObject("outputConfig").putObject("textFormat").put("type", "json_schema")
                .putObject("structure").putObject("jsonSchema").put("name", request.schemaName())
                .put("description", request.schemaDescription()).put("schema", request.jsonSchema());
        return req;
    }

    /** The text of the reply's content blocks, in order, and the usage when Bedrock reported both counts. */
    static Reply reply(JsonNode reply) {
        StringBuilder text = new StringBuilder();
        for (JsonNode b : reply.path("output").path("message").path("content")) {
            if (b.path("text").isTextual()) text.append(b.path("text").asText());
        }
        JsonNode usage = reply.path("usage");
        return new Reply(text.toString(), usage.has("inputTokens") && usage.has("outputTokens")
                ? new Usage(usage.path("inputTokens").asLong(), usage.path("outputTokens").asLong()) : null);
    }
}
