package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.transcribe.TranscribeClient;

import java.net.URI;

/**
 * Builds each SDK client once, with the region and credentials set explicitly (no provider-chain probing at
 * cold start) and the url-connection HTTP client. {@code endpoint} is null in AWS; tests point it at moto.
 *
 * <p>Each method touches only its own service's classes, so a function jar without, say, SES never loads it.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static S3Client s3(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint).forcePathStyle(true);
        return b.build();
    }

    public static DynamoDbClient dynamoDb(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint);
        return b.build();
    }

    public static SesV2Client sesV2(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = SesV2Client.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint);
        return b.build();
    }

    public static EventBridgeClient eventBridge(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = EventBridgeClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint);
        return b.build();
    }

    public static SecretsManagerClient secretsManager(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = SecretsManagerClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint);
        return b.build();
    }

    public static TranscribeClient transcribe(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        var b = TranscribeClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) b.endpointOverride(endpoint);
        return b.build();
    }

    /** In Lambda: the region and credentials the runtime put in the environment. */
    public static Region lambdaRegion() {
        String r = System.getenv("AWS_REGION");
        return Region.of(r == null || r.isBlank() ? "us-east-1" : r);
    }

    public static AwsCredentialsProvider lambdaCredentials() {
        return System.getenv("AWS_ACCESS_KEY_ID") != null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
    }
}
