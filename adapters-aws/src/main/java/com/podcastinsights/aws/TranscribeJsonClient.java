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
public final class TranscribeJsonClient extends SignedJsonClient {
    /**
     * Amazon Transcribe; a job description is a few kilobytes, so 1 MiB of reply is plenty. {@code endpoint} null:
     * the configured one, else the region's public endpoint ({@link AwsClients#endpoint}).
     */
    public TranscribeJsonClient(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        super(new Service("Transcribe", "transcribe", "transcribe", 1 << 20), http, region, credentials, endpoint);
    }

    public String startTranscriptionJob(String requestJson) {
        return call("StartTranscriptionJob", requestJson);
    }

    public String getTranscriptionJob(String requestJson) {
        return call("GetTranscriptionJob", requestJson);
    }

    private String call(String operation, String requestJson) {
        try {
            return postForBody("/", Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "Transcribe." + operation), requestJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Transcribe " + operation + " failed", e);
        }
    }
}
