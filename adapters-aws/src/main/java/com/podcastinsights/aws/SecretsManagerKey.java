package com.podcastinsights.aws;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A signing key kept in Secrets Manager (the template generates it at deploy time). Read once, at function
 * init; the value is never logged, and an error names the secret, never its content.
 */
public final class SecretsManagerKey {
    private final SecretsManagerClient secrets;
    private final String secretId;

    public SecretsManagerKey(SecretsManagerClient secrets, String secretId) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    public byte[] read() {
        String value = secrets.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("secret " + secretId + " has no string value");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
