package com.podcastinsights.testing;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.AwsRetries;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An SDK transport that lets one request at a time reach the emulator; callers still run concurrently up to the
 * wire. DynamoDB applies each conditional UpdateItem atomically; moto in server mode does not: its threaded
 * server evaluates the condition and writes the item without a lock, so two requests can both pass
 * {@code n <= 11} and both write 12. Measured with boto3 straight against moto 5.2.5, no SDK of ours and no
 * retries: 20 concurrent conditional increments with limit 12, 8 threads, 200 rounds, granted 13-15 in 8 rounds
 * while the stored counter stayed 12 (a lost update, impossible on DynamoDB). Serializing requests at the
 * transport gives moto the per-request atomicity DynamoDB has, and nothing more: the callers' threads still
 * interleave between their requests, so an adapter that read, checked and then wrote in two requests would still
 * pass the limit and fail the test.
 *
 * <p>The lock is held across {@code call()}, which returns once the status line has arrived: moto has finished
 * the request by then. The body is read after the lock is released.
 */
public final class OneRequestAtATimeTransport implements SdkHttpClient {
    private final SdkHttpClient real = UrlConnectionHttpClient.create();
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    /** Clients built on this transport, with the project's retry policy. */
    public AwsClients.Options options() {
        return new AwsClients.Options(AwsRetries.standard(), this, List.of());
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest delegate = real.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                oneAtATime.lock();
                try {
                    return delegate.call();
                } finally {
                    oneAtATime.unlock();
                }
            }

            @Override
            public void abort() {
                delegate.abort();
            }
        };
    }

    @Override
    public void close() {
        real.close();
    }

    @Override
    public String clientName() {
        return "OneRequestAtATime";
    }
}
