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
public final class BedrockConverseClient extends SignedJsonClient {
    /**
     * Bedrock Runtime, signed as "bedrock"; a reply larger than 1 MiB is not a list of 15 short paragraphs. {@code
     * endpoint} null: the configured one, else the region's public endpoint ({@link AwsClients#endpoint}).
     */
    public BedrockConverseClient(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        super(new Service("Bedrock Runtime", "bedrock-runtime", "bedrock", 1 << 20), http, region, credentials, endpoint);
    }

    /** Sends the Converse request body for {@code modelId}; returns the reply body or throws with the status. */
    public String converse(String modelId, String requestJson) {
        try {
            Reply reply = post("/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8)
                    + "/converse", Map.of("Content-Type", "application/json", "Accept", "application/json"), requestJson);
            if (reply.status() != 200) {
                throw new IllegalStateException("Bedrock Converse " + modelId + " answered " + reply.status() + ": "
                        + snippet(reply.body()));
            }
            return reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Bedrock Converse " + modelId + " failed", e);
        }
    }
}
