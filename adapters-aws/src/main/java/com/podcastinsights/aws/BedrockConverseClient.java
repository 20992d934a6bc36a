package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one Bedrock Runtime operation we use, Converse (POST /model/{modelId}/converse), as a SigV4-signed JSON
 * request over the url-connection client. Not the SDK's bedrockruntime client: its model classes add about
 * 1.5 MB to the function jar (measured: 16.5 MB against the 15 MB cap), for one call whose JSON we map ourselves.
 * Authorized as bedrock:InvokeModel.
 */
public final class BedrockConverseClient {
    /** A reply larger than this is not a list of 15 short paragraphs. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    private final SignedJsonPost http;
    private final URI endpoint;

    /** {@code endpoint} null: the configured one, else the region's public endpoint ({@link AwsClients#endpoint}). */
    public BedrockConverseClient(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = new SignedJsonPost(http, region, credentials, "bedrock");
        this.endpoint = AwsClients.endpoint(endpoint, "Bedrock Runtime", "bedrock-runtime", region);
    }

    /** Sends the Converse request body for {@code modelId}; returns the reply body or throws with the status. */
    public String converse(String modelId, String requestJson) {
        try {
            SignedJsonPost.Reply reply = http.post(endpoint,
                    "/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8) + "/converse",
                    Map.of("Content-Type", "application/json", "Accept", "application/json"), requestJson, MAX_REPLY_BYTES);
            if (reply.status() != 200) {
                throw new IllegalStateException("Bedrock Converse " + modelId + " answered " + reply.status() + ": "
                        + SignedJsonPost.snippet(reply.body()));
            }
            return reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Bedrock Converse " + modelId + " failed", e);
        }
    }
}
