package com.podcastinsights.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.podcastinsights.json.Json;
import com.podcastinsights.port.LanguageModel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link InsightRewriter} on a {@link LanguageModel}: one call for an episode's best candidates, with a JSON-schema
 * output format so the reply maps back by index. The model first judges each candidate (a standalone claim, or an
 * ad, intro, plug, banter or fragment) and rewrites the ones it keeps: a second line of defence behind the
 * extractive filters, inside the same daily budget. A candidate it rejects is dropped. A kept rewrite must pass
 * {@link Grounding} or the passage keeps its extractive text; over the day's budget, when the call fails, or for a
 * candidate the reply does not cover, every passage is kept with its own text (the digest must not depend on the
 * model).
 */
public final class ModelReview implements InsightRewriter {
    /** The most passages sent in one call (issue 5: "the top ~15"). */
    public static final int MAX_PASSAGES = 15;
    /** Output tokens allowed per passage: 70 words is about 100 tokens, a reason about 25, plus the JSON around it. */
    static final int OUTPUT_TOKENS_PER_PASSAGE = 190;
    static final double TEMPERATURE = 0.2;

    public static final String SYSTEM_PROMPT = """
            You edit a daily email digest of podcast insights. You get the best candidate passages of one episode. \
            First judge each passage: keep it only if it states a claim about the subject that a reader can \
            understand without the episode. Reject sponsor reads and ads (even when they explain a product), promo \
            codes, intros, welcomes and guest biographies, requests to subscribe, rate, review, follow or support \
            the show, newsletters and links in the show notes, outros, banter, questions, and fragments that lean \
            on something said before them. Give a short reason for each verdict. For each passage you keep, write \
            one standalone paragraph of 2-3 sentences and 40-70 words: the claim, why it holds, and what it means. \
            Use only facts stated in the passage: add no numbers, names, places, dates or claims that are not in \
            it, and do not mention the podcast, the speaker or "the passage". For a passage you reject, leave the \
            text empty. Return every passage's index with its verdict.""";

    public static final String SCHEMA = """
            {"type":"object","properties":{"insights":{"type":"array","items":{"type":"object",\
            "properties":{"index":{"type":"integer"},"keep":{"type":"boolean"},"reason":{"type":"string"},\
            "text":{"type":"string"}},\
            "required":["index","keep","reason","text"],"additionalProperties":false}}},\
            "required":["insights"],"additionalProperties":false}""";

    private final LanguageModel model;
    private final RewriteBudget budget;

    public ModelReview(LanguageModel model, RewriteBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    @Override
    public List<Verdict> review(List<RankedPassage> passages) {
        List<Verdict> out = new ArrayList<>(NONE.review(passages));
        List<RankedPassage> sent = passages.subList(0, Math.min(MAX_PASSAGES, passages.size()));
        if (sent.isEmpty()) return out;
        LanguageModel.Request request = request(sent);
        long inputEstimate = (SYSTEM_PROMPT.length() + SCHEMA.length() + request.userText().length()) / 4 + 1;
        var reservation = budget.reserve(inputEstimate, request.maxOutputTokens());
        if (reservation.isEmpty()) return out;
        LanguageModel.Reply reply;
        try {
            reply = model.complete(request);
        } catch (RuntimeException e) {
            // the reserved worst case stays charged: a failed call may still have been billed
            System.err.println("insight rewrite skipped, the extractive text is kept: " + e.getMessage());
            return out;
        }
        if (reply.usage() != null) {
            reservation.get().settle(reply.usage().inputTokens(), reply.usage().outputTokens());
        }
        List<Verdict> judged = verdicts(reply.text(), sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Verdict v = judged.get(i);
            if (v == null) continue;
            if (!v.keep()) {
                System.err.println("insight dropped by the model (" + v.reason() + "): "
                        + abbreviate(sent.get(i).text()));
                out.set(i, v);
            } else if (v.text() != null && Grounding.grounded(v.text(), sent.get(i).sourceText())) {
                out.set(i, Verdict.kept(v.text().strip()));
            }
        }
        return out;
    }

    /** The one call for {@code sent}: the prompt, the passages, the schema, the output allowance. */
    static LanguageModel.Request request(List<RankedPassage> sent) {
        return new LanguageModel.Request(SYSTEM_PROMPT, userText(sent), "insights",
                "one rewrite per passage, by index", SCHEMA, OUTPUT_TOKENS_PER_PASSAGE * sent.size(), TEMPERATURE);
    }

    /** The passages as a JSON array of {index, passage}: JSON keeps quotes and line breaks in a passage unambiguous. */
    static String userText(List<RankedPassage> sent) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (int i = 0; i < sent.size(); i++) {
            arr.addObject().put("index", i).put("passage", sent.get(i).sourceText());
        }
        return "Judge each passage, then rewrite the ones you keep:\n" + arr;
    }

    /**
     * The reply's verdict per index; null where the reply has none, or is not the JSON the schema asked for. A
     * verdict without a boolean {@code keep} counts as none: dropping needs an explicit no.
     */
    static List<Verdict> verdicts(String replyText, int n) {
        List<Verdict> out = new ArrayList<>(Collections.nCopies(n, (Verdict) null));
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(replyText == null ? "" : replyText);
        } catch (IOException e) {
            return out;
        }
        if (root == null) return out;
        for (JsonNode item : root.path("insights")) {
            JsonNode idx = item.path("index");
            if (!idx.canConvertToInt() || idx.asInt() < 0 || idx.asInt() >= n || !item.path("keep").isBoolean()) continue;
            String reason = item.path("reason").asText("");
            out.set(idx.asInt(), item.path("keep").asBoolean()
                    ? new Verdict(true, item.path("text").isTextual() ? item.path("text").asText() : null, reason)
                    : Verdict.dropped(reason));
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
