package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.insight.Grounding;
import com.podcastinsights.insight.InsightRewriter;
import com.podcastinsights.insight.RankedPassage;
import com.podcastinsights.insight.RewriteBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link InsightRewriter} on Amazon Bedrock: one Converse call for all passages, with a JSON-schema output format
 * so the reply maps back by index. Every rewrite passes {@link Grounding} or the passage keeps its extractive
 * text; over the day's budget, or when the call fails, all passages keep theirs (the digest must not depend on
 * the model).
 */
public final class BedrockRewriter implements InsightRewriter {
    /** The most passages sent in one call (issue 5: "the top ~15"). */
    public static final int MAX_PASSAGES = 15;
    /** Output tokens allowed per passage: 70 words is about 100 tokens, plus the JSON around it. */
    static final int OUTPUT_TOKENS_PER_PASSAGE = 160;

    static final String SYSTEM_PROMPT = """
            You rewrite podcast passages as insights for a daily email digest. For each passage write one \
            standalone paragraph of 2-3 sentences and 40-70 words: the claim, why it holds, and what it means. \
            Use only facts stated in the passage: add no numbers, names, places, dates or claims that are not in \
            it, and do not mention the podcast, the speaker or "the passage". Return every passage's index with \
            its rewrite.""";

    static final String SCHEMA = """
            {"type":"object","properties":{"insights":{"type":"array","items":{"type":"object",\
            "properties":{"index":{"type":"integer"},"text":{"type":"string"}},\
            "required":["index","text"],"additionalProperties":false}}},\
            "required":["insights"],"additionalProperties":false}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BedrockConverseClient bedrock;
    private final String modelId;
    private final RewriteBudget budget;

    public BedrockRewriter(BedrockConverseClient bedrock, String modelId, RewriteBudget budget) {
        this.bedrock = bedrock;
        this.modelId = modelId;
        this.budget = budget;
    }

    @Override
    public List<String> rewrite(List<RankedPassage> passages) {
        List<String> out = new ArrayList<>(NONE.rewrite(passages));
        List<RankedPassage> sent = passages.subList(0, Math.min(MAX_PASSAGES, passages.size()));
        if (sent.isEmpty()) return out;
        int maxTokens = OUTPUT_TOKENS_PER_PASSAGE * sent.size();
        long inputEstimate = (SYSTEM_PROMPT.length() + SCHEMA.length() + userText(sent).length()) / 4 + 1;
        var reservation = budget.reserve(inputEstimate, maxTokens);
        if (reservation.isEmpty()) return out;
        JsonNode reply;
        try {
            reply = JSON.readTree(bedrock.converse(modelId, request(sent, maxTokens).toString()));
        } catch (RuntimeException | java.io.IOException e) {
            // the reserved worst case stays charged: a failed call may still have been billed
            System.err.println("insight rewrite skipped, the extractive text is kept: " + e.getMessage());
            return out;
        }
        JsonNode usage = reply.path("usage");
        if (usage.has("inputTokens") && usage.has("outputTokens")) {
            reservation.get().settle(usage.path("inputTokens").asLong(), usage.path("outputTokens").asLong());
        }
        List<String> rewrites = rewrites(reply, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            String r = rewrites.get(i);
            if (r != null && Grounding.grounded(r, sent.get(i).sourceText())) out.set(i, r.strip());
        }
        return out;
    }

    /** The Converse request body (the model ID goes in the path). */
    static ObjectNode request(List<RankedPassage> sent, int maxTokens) {
        ObjectNode req = JSON.createObjectNode();
        req.putArray("system").addObject().put("text", SYSTEM_PROMPT);
        ObjectNode message = req.putArray("messages").addObject().put("role", "user");
        message.putArray("content").addObject().put("text", userText(sent));
        req.putObject("inferenceConfig").put("maxTokens", maxTokens).put("temperature", 0.2);
        req.putObject("outputConfig").putObject("textFormat").put("type", "json_schema")
                .putObject("structure").putObject("jsonSchema").put("name", "insights")
                .put("description", "one rewrite per passage, by index").put("schema", SCHEMA);
        return req;
    }

    /** The passages as a JSON array of {index, passage}: JSON keeps quotes and line breaks in a passage unambiguous. */
    static String userText(List<RankedPassage> sent) {
        ArrayNode arr = JSON.createArrayNode();
        for (int i = 0; i < sent.size(); i++) {
            arr.addObject().put("index", i).put("passage", sent.get(i).sourceText());
        }
        return "Rewrite each passage:\n" + arr;
    }

    /** The reply's text per index; null where the reply has none or is not the JSON the schema asked for. */
    static List<String> rewrites(JsonNode reply, int n) {
        List<String> out = new ArrayList<>(java.util.Collections.nCopies(n, (String) null));
        StringBuilder text = new StringBuilder();
        for (JsonNode b : reply.path("output").path("message").path("content")) {
            if (b.path("text").isTextual()) text.append(b.path("text").asText());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.toString());
        } catch (java.io.IOException e) {
            return out;
        }
        if (root == null) return out;
        for (JsonNode item : root.path("insights")) {
            JsonNode idx = item.path("index");
            JsonNode t = item.path("text");
            if (idx.canConvertToInt() && t.isTextual() && idx.asInt() >= 0 && idx.asInt() < n) {
                out.set(idx.asInt(), t.asText());
            }
        }
        return out;
    }
}
