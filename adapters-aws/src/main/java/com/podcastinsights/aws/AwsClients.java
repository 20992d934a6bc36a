package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.net.URI;
import java.util.List;

/**
 * Builds each SDK client once, with the region and credentials set explicitly (no provider-chain probing at
 * cold start), the url-connection HTTP client and the retry policy of {@link AwsRetries#standard()}.
 * {@code endpoint} is null in AWS; tests point it at moto, and may pass {@link Options} with short backoff and a
 * fault-injecting transport.
 *
 * <p>Each method touches only its own service's classes, so a function jar without, say, SES never loads it.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /**
     * What a client is built with besides region, endpoint and credentials. {@code transport} null means the
     * url-connection client (built and owned by the SDK client); tests pass a wrapper around one, and
     * interceptors that tag requests for it.
     */
    public record Options(AwsRetries retries, SdkHttpClient transport, List<ExecutionInterceptor> interceptors) {
        public Options {
            interceptors = List.copyOf(interceptors);
        }

        public static Options standard() {
            return new Options(AwsRetries.standard(), null, List.of());
        }
    }

    /**
     * Where a client of {@code serviceId} (the SDK's service id, e.g. "EventBridge", "Bedrock Runtime") posts:
     * {@code given} if set; else the endpoint configured for the SDK's own clients, which the SDK reads and these
     * hand-signed clients must read too (the {@code aws.endpointUrl<Service>} then {@code aws.endpointUrl} system
     * property, then the {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL} variable: how local
     * runs and bench/coldstart point every client at moto); else the region's public {@code host} endpoint.
     */
    static URI endpoint(URI given, String serviceId, String host, Region region) {
        if (given != null) return given;
        String property = serviceId.replace(" ", "");
        String variable = serviceId.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        for (String configured : new String[]{System.getProperty("aws.endpointUrl" + property),
                System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL_" + variable),
                System.getenv("AWS_ENDPOINT_URL")}) {
            if (configured != null && !configured.isBlank()) return URI.create(configured.trim());
        }
        return URI.create("https://" + host + "." + region.id() + ".amazonaws.com");
    }

    public static S3Client s3(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return s3(region, endpoint, credentials, Options.standard());
    }

    public static S3Client s3(Region region, URI endpoint, AwsCredentialsProvider credentials, Options options) {
        var b = configure(S3Client.builder(), region, endpoint, credentials, options);
        if (endpoint != null) b.forcePathStyle(true);
        return b.build();
    }

    public static DynamoDbClient dynamoDb(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return dynamoDb(region, endpoint, credentials, Options.standard());
    }

    public static DynamoDbClient dynamoDb(Region region, URI endpoint, AwsCredentialsProvider credentials,
                                          Options options) {
        return configure(DynamoDbClient.builder(), region, endpoint, credentials, options).build();
    }

    public static SesV2Client sesV2(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return sesV2(region, endpoint, credentials, Options.standard());
    }

    public static SesV2Client sesV2(Region region, URI endpoint, AwsCredentialsProvider credentials, Options options) {
        return configure(SesV2Client.builder(), region, endpoint, credentials, options).build();
    }

    public static EventBridgeJsonClient eventBridge(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return eventBridge(region, endpoint, credentials, Options.standard());
    }

    /**
     * PutEvents over our signed JSON client: it takes the options' transport; retries are the publisher's
     * {@link Backoff}, and SDK interceptors do not apply.
     */
    public static EventBridgeJsonClient eventBridge(Region region, URI endpoint, AwsCredentialsProvider credentials,
                                                    Options options) {
        SdkHttpClient http = options.transport() != null ? options.transport() : UrlConnectionHttpClient.create();
        return new EventBridgeJsonClient(http, region, credentials, endpoint);
    }

    public static software.amazon.awssdk.services.sqs.SqsClient sqs(Region region, URI endpoint,
                                                                    AwsCredentialsProvider credentials) {
        return configure(software.amazon.awssdk.services.sqs.SqsClient.builder(), region, endpoint, credentials,
                Options.standard()).build();
    }

    public static SecretsManagerClient secretsManager(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return configure(SecretsManagerClient.builder(), region, endpoint, credentials, Options.standard()).build();
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(
            B b, Region region, URI endpoint, AwsCredentialsProvider credentials, Options options) {
        b.region(region).credentialsProvider(credentials);
        if (options.transport() != null) b.httpClient(options.transport());
        else b.httpClientBuilder(UrlConnectionHttpClient.builder());
        var override = ClientOverrideConfiguration.builder().retryStrategy(options.retries().strategy());
        options.interceptors().forEach(override::addExecutionInterceptor);
        b.overrideConfiguration(override.build());
        if (endpoint != null) b.endpointOverride(endpoint);
        return b;
    }

    public static TranscribeJsonClient transcribe(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return new TranscribeJsonClient(UrlConnectionHttpClient.create(), region, credentials, endpoint);
    }

    /** In Lambda: the region and credentials the runtime put in the environment. */
    public static Region lambdaRegion() {
        String r = System.getenv("AWS_REGION");
        return Region.of(r == null || r.isBlank() ? "us-east-1" : r);
    }

    /**
     * The credentials Lambda gives the function, without probing the default chain: keys in the environment (an
     * on-demand start), else the container credentials endpoint (how Lambda serves them under SnapStart:
     * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), else the chain.
     */
    public static AwsCredentialsProvider lambdaCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) return EnvironmentVariableCredentialsProvider.create();
        if (System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) return ContainerCredentialsProvider.builder().build();
        return DefaultCredentialsProvider.builder().build();
    }
}
