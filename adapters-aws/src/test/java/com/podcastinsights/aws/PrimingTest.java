package com.podcastinsights.aws;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Priming runs the adapters' real SDK operations against canned responses: no endpoint, no credentials. */
class PrimingTest {
    @Test
    void everyServicePrimesWithoutANetwork() {
        assertDoesNotThrow(Priming::s3);
        assertDoesNotThrow(() -> Priming.dynamoDb());
        assertDoesNotThrow(Priming::eventBridge);
        assertDoesNotThrow(Priming::sesV2);
        assertDoesNotThrow(Priming::sqs);
    }

    @Test
    void containerCredentialsPrimeFromALoopbackSocketAndLeaveNoSettingBehind() {
        assertDoesNotThrow(Priming::containerCredentials);
        assertNull(System.getProperty("aws.containerCredentialsFullUri"));
        assertNull(System.getProperty("aws.containerAuthorizationToken"));
    }
}
