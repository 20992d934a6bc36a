package com.podcastinsights.aws;

import java.util.Set;

/**
 * An AWS JSON API refused a call the project signs itself ({@link SignedJsonClient}): the service, its HTTP status
 * and its error code ({@code ThrottlingException}, {@code ConflictException}, ...).
 */
public final class AwsServiceError extends RuntimeException {
    /** The codes the SDK's standard retry mode treats as throttling. */
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "ThrottledException",
            "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
            "SlowDown", "PriorRequestNotComplete", "TransactionInProgressException");

    private final int status;
    private final String code;

    AwsServiceError(String service, int status, String code, String message) {
        super(service + " answered " + status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** What the SDK's standard retry mode would retry: throttling and server errors. */
    public boolean retryable() {
        return status >= 500 || status == 429 || THROTTLING.contains(code);
    }
}
