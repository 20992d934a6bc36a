package com.podcastinsights.aws;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theCannedTableAnswersAsDynamoDbWouldSoReadsUnmarshalAnItem() {
        var found = new java.util.ArrayList<Object>();
        Priming.dynamoDb(table -> {
            found.add(table.get("PRIMING#1", "PRIMING#1").orElseThrow());
            found.addAll(table.query("PRIMING#1", "PRIMING#"));
        });
        assertEquals(2, found.size());
    }

    @Test
    void containerCredentialsPrimeFromALoopbackSocketAndLeaveNoSettingBehind() {
        assertDoesNotThrow(Priming::containerCredentials);
        assertNull(System.getProperty("aws.containerCredentialsFullUri"));
        assertNull(System.getProperty("aws.containerAuthorizationToken"));
    }
}
