package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one Bedrock Runtime operation we use, Converse (POST /model/{modelId}/converse), as a SigV4-signed JSON
 * request over the url-connection client. Not the SDK's bedrockruntime client: its model classes add about
 * 1.5 MB to the function jar (measured: 16.5 MB against the 15 MB cap), for one call whose JSON we map ourselves.
 * Authorized as bedrock:InvokeModel.
 */
public final class BedrockConverseClient {
    /** A reply larger than this is not a list of 15 short paragraphs. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code endpoint} null: the region's public endpoint. */
    public BedrockConverseClient(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = http;
        this.region = region;
        this.credentials = credentials;
        this.endpoint = endpoint != null ? endpoint
                : URI.create("https://bedrock-runtime." + region.id() + ".amazonaws.com");
    }

    /** Sends the Converse request body for {@code modelId}; returns the reply body or throws with the status. */
    public String converse(String modelId, String requestJson) {
        byte[] body = requestJson.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8) + "/converse")
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json").build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String reply = "";
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    reply = new String(in.readNBytes(MAX_REPLY_BYTES), StandardCharsets.UTF_8);
                }
            }
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                throw new IllegalStateException("Bedrock Converse " + modelId + " answered " + status + ": "
                        + reply.substring(0, Math.min(300, reply.length())));
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("Bedrock Converse " + modelId + " failed", e);
        }
    }
}
