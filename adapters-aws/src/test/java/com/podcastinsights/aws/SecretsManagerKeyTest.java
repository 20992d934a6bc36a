package com.podcastinsights.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsManagerKeyTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:unsubscribe-key-AbCdEf";

    /** Answers every GetSecretValue with {@code value} and counts the calls. */
    private static final class OneSecret implements SecretsManagerClient {
        final List<String> asked = new ArrayList<>();
        private final String value;

        OneSecret(String value) {
            this.value = value;
        }

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            asked.add(request.secretId());
            return GetSecretValueResponse.builder().secretString(value).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsTheKeyOnceFromTheNamedSecret() {
        OneSecret secrets = new OneSecret("k3y-material-0123456789abcdef0123456789abcdef");

        byte[] key = new SecretsManagerKey(secrets, ARN).read();

        assertArrayEquals("k3y-material-0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), key);
        assertEquals(List.of(ARN), secrets.asked);
    }

    @Test
    void anEmptySecretIsAnErrorThatNamesTheSecretNotItsValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretsManagerKey(new OneSecret("   "), ARN).read());

        assertTrue(e.getMessage().contains(ARN), e.getMessage());
    }
}
