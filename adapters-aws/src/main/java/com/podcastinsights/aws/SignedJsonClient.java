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
 * A hand-written client for a few operations of one AWS service: SigV4-signed JSON POSTs over the url-connection
 * client, where an SDK service module would cost more jar than the calls are worth. A subclass names its
 * {@link Service} and maps its operations' JSON.
 */
abstract class SignedJsonClient {
    /** What came back: the status, the error type header (JSON protocols' error code), and the body. */
    record Reply(int status, String errorType, String body) {
    }

    /**
     * The error's short name, from the {@code x-amzn-ErrorType} header or the body's {@code __type}, either of
     * which may carry a namespace ({@code com.amazonaws.transcribe#ConflictException}) or a suffix after ':'.
     */
    static String errorCode(String header, String body) {
        String raw = header;
        if (raw == null || raw.isBlank()) {
            int at = body.indexOf("\"__type\"");
            if (at >= 0) {
                int open = body.indexOf('"', body.indexOf(':', at) + 1);
                int close = open < 0 ? -1 : body.indexOf('"', open + 1);
                if (close > open) raw = body.substring(open + 1, close);
            }
        }
        if (raw == null || raw.isBlank()) return "Unknown";
        int colon = raw.indexOf(':');
        if (colon >= 0) raw = raw.substring(0, colon);
        int hash = raw.lastIndexOf('#');
        return hash >= 0 ? raw.substring(hash + 1) : raw;
    }

    /** The start of a reply body, for an error message. */
    static String snippet(String body) {
        return body.substring(0, Math.min(300, body.length()));
    }

    /**
     * Which service a client posts to: its SDK service id ("Bedrock Runtime") and endpoint host prefix
     * ("bedrock-runtime") for {@link AwsClients#endpoint}, its SigV4 signing name, and how much of a reply to read.
     */
    record Service(String id, String host, String signingName, int maxReplyBytes) {
    }

    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Service service;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code endpoint} null: the configured one, else the region's public endpoint ({@link AwsClients#endpoint}). */
    SignedJsonClient(Service service, SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = http;
        this.region = region;
        this.credentials = credentials;
        this.service = service;
        this.endpoint = AwsClients.endpoint(endpoint, service.id(), service.host(), region);
    }

    /** Posts {@code json} to the service's endpoint at {@code path}; the reply body is read up to the service's cap. */
    final Reply post(String path, Map<String, String> headers, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint).encodedPath(path);
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build()).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
        String reply = "";
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                reply = new String(in.readNBytes(service.maxReplyBytes()), StandardCharsets.UTF_8);
            }
        }
        return new Reply(response.httpResponse().statusCode(),
                response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null), reply);
    }

    /** As {@link #post}, for the body of a 200 reply; any other is an {@link AwsServiceError} with its error code. */
    final String postForBody(String path, Map<String, String> headers, String json) throws IOException {
        Reply reply = post(path, headers, json);
        if (reply.status() == 200) return reply.body();
        throw new AwsServiceError(service.id(), reply.status(), errorCode(reply.errorType(), reply.body()),
                snippet(reply.body()));
    }
}
