package com.podcastinsights.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client for feeds and transcripts: SSRF guard, size caps, gzip, conditional GET.
 *
 * <p>Redirects are followed here rather than by the JDK so that every hop passes the {@link AddressGuard}.
 * The policy's timeout is a deadline for the whole exchange, redirects and body included, not per read.
 *
 * <p>Known limit: the JDK client resolves the host again after our check, so a DNS answer that changes
 * between the two (rebinding) is not caught here. Both lookups share the JVM's address cache (30 s), which
 * the check's lookup fills, so the window is the moment that entry expires between them; the Lambda has no
 * VPC access to internal networks, which is the backstop (docs/operations.md, residual risks).
 */
public final class SafeHttpClient {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpPolicy policy;
    private final AddressGuard guard;
    private final Duration connectTimeout;
    /** Built on the first request that passes the guard: most fetch-transcript events download nothing. */
    private volatile HttpClient client;

    public SafeHttpClient(HttpPolicy policy) {
        this(policy, Resolver.system());
    }

    /** For tests: resolve hosts with {@code resolver} instead of DNS. */
    public SafeHttpClient(HttpPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.guard = new AddressGuard(policy.allowLoopback(), resolver);
        this.connectTimeout = policy.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? policy.timeout() : MAX_CONNECT_TIMEOUT;
    }

    /**
     * The JDK client loads ~400 classes and starts a selector thread when built (~100 ms of a cold start), so it
     * is built when first needed, once; the episodes without a transcript link never need it.
     */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    client = c = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            // HTTP/1.1 only: on plain http the JDK would otherwise attempt an h2c upgrade, which
                            // some feed hosts answer badly, and feeds gain nothing from HTTP/2.
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .proxy(HttpClient.Builder.NO_PROXY)
                            .build();
                }
            }
        }
        return c;
    }

    public HttpPolicy policy() {
        return policy;
    }

    /** GET with optional validators (null to skip). Throws on refused addresses, caps and timeouts. */
    public HttpResult get(URI uri, String etag, String lastModified) throws IOException {
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        URI current = uri;
        URI permanent = null;
        boolean stillPermanent = true;
        for (int hop = 0; ; hop++) {
            guard.check(current);
            HttpResponse<byte[]> response = send(request(current, etag, lastModified, deadline), deadline, current);
            int status = response.statusCode();
            if (isRedirect(status)) {
                if (hop >= policy.maxRedirects()) {
                    throw new RefusedRequestException("too many redirects (more than " + policy.maxRedirects()
                            + ") starting at " + uri);
                }
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    throw new HttpStatusException(status, current);
                }
                URI next;
                try {
                    next = current.resolve(location.trim());
                } catch (IllegalArgumentException e) {
                    throw new IOException("bad redirect Location from " + current + ": " + location);
                }
                boolean permanentHop = status == 301 || status == 308;
                stillPermanent &= permanentHop;
                if (stillPermanent) permanent = next;
                current = next;
                continue;
            }
            if (status == 304) {
                return new HttpResult(304, current, permanent, header(response, "ETag"),
                        header(response, "Last-Modified"), header(response, "Content-Type"), new byte[0]);
            }
            if (status < 200 || status > 299) {
                throw new HttpStatusException(status, current);
            }
            byte[] body = Decoding.decode(response.body(), header(response, "Content-Encoding"), policy.maxBytes());
            return new HttpResult(status, current, permanent, header(response, "ETag"),
                    header(response, "Last-Modified"), header(response, "Content-Type"), body);
        }
    }

    /**
     * GET for a large body (podcast audio), streamed rather than buffered: the same address guard on every hop,
     * the same redirect limit, the policy's timeout until the response headers, then {@code maxBytes} and
     * {@code downloadTimeout} for the body. A declared Content-Length above the cap is refused before any byte
     * is read. No gzip: audio does not compress, and a size cap should count the bytes as they will be stored.
     */
    public StreamedResponse openStream(URI uri, long maxBytes, Duration downloadTimeout) throws IOException {
        long start = System.nanoTime();
        long headersDeadline = start + policy.timeout().toNanos();
        long bodyDeadline = start + downloadTimeout.toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            guard.check(current);
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(current).GET()
                        .timeout(remaining(headersDeadline, current))
                        .header("User-Agent", policy.userAgent())
                        .header("Accept-Encoding", "identity")
                        .header("Accept", "*/*")
                        .build();
            } catch (IllegalArgumentException e) {
                throw new RefusedRequestException("refused " + current + ": " + e.getMessage());
            }
            HttpResponse<java.io.InputStream> response = sendStreaming(request, headersDeadline, current);
            int status = response.statusCode();
            if (isRedirect(status)) {
                response.body().close();
                if (hop >= policy.maxRedirects()) {
                    throw new RefusedRequestException("too many redirects (more than " + policy.maxRedirects()
                            + ") starting at " + uri);
                }
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) throw new HttpStatusException(status, current);
                try {
                    current = current.resolve(location.trim());
                } catch (IllegalArgumentException e) {
                    throw new IOException("bad redirect Location from " + current + ": " + location);
                }
                continue;
            }
            if (status < 200 || status > 299) {
                response.body().close();
                throw new HttpStatusException(status, current);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                response.body().close();
                throw new RefusedRequestException("response exceeds " + maxBytes + " bytes (Content-Length "
                        + declared + "): " + current);
            }
            return new StreamedResponse(current, header(response, "Content-Type"), declared,
                    new LimitedBody(response.body(), maxBytes, bodyDeadline, current));
        }
    }

    private HttpResponse<java.io.InputStream> sendStreaming(HttpRequest request, long deadline, URI uri)
            throws IOException {
        return await(client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), deadline, uri,
                "waiting for");
    }

    private HttpRequest request(URI uri, String etag, String lastModified, long deadline) throws IOException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw new RefusedRequestException("refused " + uri + ": " + e.getMessage());
        }
        b.GET()
                .timeout(remaining(deadline, uri))
                .header("User-Agent", policy.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", "*/*");
        if (etag != null && !etag.isBlank()) b.header("If-None-Match", etag);
        if (lastModified != null && !lastModified.isBlank()) b.header("If-Modified-Since", lastModified);
        return b.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, long deadline, URI uri) throws IOException {
        long max = policy.maxBytes();
        return await(client().sendAsync(request, info -> {
            // Redirect and 304 bodies are discarded; only a content body counts against the cap.
            boolean content = info.statusCode() >= 200 && info.statusCode() <= 299;
            long declared = content ? info.headers().firstValueAsLong("Content-Length").orElse(-1) : -1;
            return new CappedBodySubscriber(max, declared);
        }), deadline, uri, "fetching");
    }

    /** The response by {@code deadline}, with every failure as the IOException the callers report. */
    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, long deadline, URI uri, String doing)
            throws IOException {
        try {
            return future.get(remaining(deadline, uri).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("timed out after " + policy.timeout().toMillis() + " ms " + doing + " " + uri);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted fetching " + uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) throw new HttpTimeoutException("connect timed out to " + uri);
            if (cause instanceof IOException io) {
                if (io.getMessage() == null) throw new IOException(io.getClass().getSimpleName() + " fetching " + uri, io);
                throw io;
            }
            throw new IOException("failed fetching " + uri + ": " + cause, cause);
        }
    }

    private Duration remaining(long deadline, URI uri) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("timed out after " + policy.timeout().toMillis() + " ms fetching " + uri);
        }
        return Duration.ofNanos(left);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name.toLowerCase(Locale.ROOT)).orElse(null);
    }
}
