package com.podcastinsights.port;

/**
 * One structured call to a hosted language model: a system prompt and a user message in, the model held to a
 * JSON schema, its reply text and token usage out. A failed call (transport, status, a reply that is not the
 * provider's envelope) throws; what the text means, and what to do when it is wrong, is the caller's business.
 */
public interface LanguageModel {
    Reply complete(Request request);

    /** {@code schemaName} and {@code schemaDescription} label the schema for providers that ask for them. */
    record Request(String systemPrompt, String userText, String schemaName, String schemaDescription,
                   String jsonSchema, int maxOutputTokens, double temperature) {
    }

    /** {@code usage} null when the provider reported none. */
    record Reply(String text, Usage usage) {
    }

    record Usage(long inputTokens, long outputTokens) {
    }
}
