package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * The two Amazon Transcribe operations we use, StartTranscriptionJob and GetTranscriptionJob, as SigV4-signed
 * JSON 1.1 requests ({@code X-Amz-Target: Transcribe.<Operation>}) over the url-connection client. Not the SDK's
 * transcribe client: its ~760 model classes add 1.2 MB to the FetchTranscript jar (measured 16.2 MB against the
 * 15 MB cap), for two calls whose JSON we map ourselves. Authorized as transcribe:StartTranscriptionJob and
 * transcribe:GetTranscriptionJob. No retries here: both calls are idempotent (a deterministic job name), so a
 * throttled call fails the invocation and Lambda's retry repeats it.
 */
public final class TranscribeJsonClient {
    /** A job description is a few kilobytes. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    private final SignedJsonPost http;
    private final URI endpoint;

    /** {@code endpoint} null: the configured one, else the region's public endpoint ({@link AwsClients#endpoint}). */
    public TranscribeJsonClient(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = new SignedJsonPost(http, region, credentials, "transcribe");
        this.endpoint = AwsClients.endpoint(endpoint, "Transcribe", "transcribe", region);
    }

    public String startTranscriptionJob(String requestJson) {
        return call("StartTranscriptionJob", requestJson);
    }

    public String getTranscriptionJob(String requestJson) {
        return call("GetTranscriptionJob", requestJson);
    }

    private String call(String operation, String requestJson) {
        try {
            SignedJsonPost.Reply reply = http.post(endpoint, "/", Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "Transcribe." + operation), requestJson, MAX_REPLY_BYTES);
            if (reply.status() != 200) {
                throw new AwsServiceError("Transcribe", reply.status(), errorCode(reply.errorType(), reply.body()), snippet(reply.body()));
            }
            return reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Transcribe " + operation + " failed", e);
        }
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

    private static String snippet(String reply) {
        return reply.substring(0, Math.min(300, reply.length()));
    }
}
