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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One SigV4-signed JSON POST over the url-connection client: what our hand-written clients for single AWS
 * operations share, where an SDK service module would cost more jar than the call is worth.
 */
final class SignedJsonPost {
    /** What came back: the status, the error type header (JSON protocols' error code), and the body. */
    record Reply(int status, String errorType, String body) {
    }

    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final String signingName;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedJsonPost(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, String signingName) {
        this.http = http;
        this.region = region;
        this.credentials = credentials;
        this.signingName = signingName;
    }

    /** Posts {@code json} to {@code endpoint + path}; the reply body is read up to {@code maxReplyBytes}. */
    Reply post(URI endpoint, String path, Map<String, String> headers, String json, int maxReplyBytes) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint).encodedPath(path);
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build()).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
        String reply = "";
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                reply = new String(in.readNBytes(maxReplyBytes), StandardCharsets.UTF_8);
            }
        }
        return new Reply(response.httpResponse().statusCode(),
                response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null), reply);
    }
}
