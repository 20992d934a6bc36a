package com.podcastinsights.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;

/**
 * How every SDK client retries. The SDK's standard mode, set explicitly rather than left to AWS_RETRY_MODE or a
 * profile: it retries throttling (ThrottlingException, ProvisionedThroughputExceededException, SlowDown,
 * TooManyRequestsException, 429) and 5xx and I/O errors, with exponential backoff and full jitter, and its token
 * bucket stops retrying in a sustained outage, so a broken dependency fails the invocation (Lambda's own retry
 * and the OnFailure destination take over) instead of stalling it until the timeout.
 *
 * <p>Five attempts, not the mode's three: DynamoDB on-demand and SES throttle in short bursts that one more
 * second usually clears, and every operation we call is safe to repeat (puts by key, conditional puts, reads;
 * PutEvents and SendEmail are guarded downstream, see docs/operations.md).
 */
public record AwsRetries(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration throttlingBaseDelay,
                         Duration maxThrottlingDelay) {
    public static final int MAX_ATTEMPTS = 5;

    public AwsRetries {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    /** Production: the standard mode's delays (100 ms base for errors, 1 s for throttling, capped at 20 s). */
    public static AwsRetries standard() {
        return new AwsRetries(MAX_ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(20), Duration.ofSeconds(1),
                Duration.ofSeconds(20));
    }

    /** Tests: the same attempts and retry conditions, with millisecond delays so fault tests stay fast. */
    public static AwsRetries fastForTests() {
        return new AwsRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(1),
                Duration.ofMillis(5));
    }

    /** A new strategy for one client (each client keeps its own token bucket). */
    public StandardRetryStrategy strategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, maxDelay))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBaseDelay, maxThrottlingDelay))
                .build();
    }
}
