package com.podcastinsights.aws;

import com.podcastinsights.port.Item;
import com.podcastinsights.testing.AwsEmulator;
import com.podcastinsights.testing.FaultInjectingTransport;
import com.podcastinsights.testing.FaultInjectingTransport.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the clients AwsClients builds do with throttling: retry up to the budget, then fail with the error. */
class AwsRetriesMotoTest {
    @Test
    void productionRetriesInStandardModeFiveAttemptsWithTheModesDelays() {
        AwsRetries r = AwsRetries.standard();
        assertEquals(5, r.maxAttempts());
        assertEquals(5, r.strategy().maxAttempts());
        assertEquals(Duration.ofSeconds(1), r.throttlingBaseDelay());
    }

    @Test
    void aThrottledCallSucceedsWithinTheBudgetAndFailsBeyondIt() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        aws.createTable("retries");
        FaultInjectingTransport faults = new FaultInjectingTransport();
        var table = new DynamoDbTable(AwsClients.dynamoDb(aws.region(), aws.endpoint(), aws.credentials(),
                faults.options()), "retries");

        faults.failNext("PutItem", Kind.DYNAMODB_THROTTLING, 1, AwsRetries.MAX_ATTEMPTS - 1);
        table.put(Item.of("P#1", "S").with("n", 1L).build());
        assertEquals(AwsRetries.MAX_ATTEMPTS - 1, faults.injected().get("PutItem"));
        assertTrue(table.get("P#1", "S").isPresent(), "written on the last attempt");

        faults.failNext("PutItem", Kind.DYNAMODB_THROTTLING, 1, AwsRetries.MAX_ATTEMPTS);
        var e = assertThrows(ProvisionedThroughputExceededException.class,
                () -> table.put(Item.of("P#2", "S").with("n", 2L).build()));
        assertTrue(e.getMessage().contains("SDK Attempt Count: " + AwsRetries.MAX_ATTEMPTS), e.getMessage());
        assertTrue(table.get("P#2", "S").isEmpty());
    }

    /** Without a retry policy the same single fault fails the call: the policy is what the stages rely on. */
    @Test
    void withOneAttemptASingleThrottleFails() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        aws.createTable("retries");
        FaultInjectingTransport faults = new FaultInjectingTransport();
        var noRetries = new AwsClients.Options(new AwsRetries(1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofMillis(1)), faults, List.of(faults.options().interceptors().get(0)));
        var table = new DynamoDbTable(AwsClients.dynamoDb(aws.region(), aws.endpoint(), aws.credentials(), noRetries),
                "retries");
        faults.failNext("PutItem", Kind.DYNAMODB_THROTTLING, 1, 1);
        assertThrows(ProvisionedThroughputExceededException.class, () -> table.put(Item.of("P#1", "S").build()));
    }
}
