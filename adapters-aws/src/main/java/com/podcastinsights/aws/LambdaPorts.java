package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Objects;

/**
 * The AWS resources a function uses and the adapters it builds on them at init, on the region and credentials
 * Lambda gives it. The caller passes each resource name read from its own environment
 * ({@code new LambdaPorts(env.require("TABLE_NAME"), ...)}), so the template test still sees which function reads
 * which variable; building this makes no client, so every variable is read before any client exists. Every client
 * comes from here, on the same region and credentials; one S3 client serves every S3 adapter of the function.
 * Each method touches only its own service's classes ({@link AwsClients}).
 */
public final class LambdaPorts {
    private final Region region = AwsClients.lambdaRegion();
    private final AwsCredentialsProvider credentials = AwsClients.lambdaCredentials();
    private final String tableName;
    private final String bucketName;
    private final String busName;
    private S3Client s3;

    /** A function of the table alone. */
    public LambdaPorts(String tableName) {
        this(tableName, null, null);
    }

    /** A pipeline function: the table, the bucket and the app's bus. */
    public LambdaPorts(String tableName, String bucketName, String busName) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.bucketName = bucketName;
        this.busName = busName;
    }

    public DynamoDbTable table() {
        return new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), tableName);
    }

    public S3BlobStore bucket() {
        return new S3BlobStore(s3(), bucketName());
    }

    public EventBridgePublisher bus() {
        return new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials),
                Objects.requireNonNull(busName, "this function has no bus"));
    }

    public String bucketName() {
        return Objects.requireNonNull(bucketName, "this function has no bucket");
    }

    public S3Client s3() {
        if (s3 == null) s3 = AwsClients.s3(region, null, credentials);
        return s3;
    }

    public SesV2Client sesV2() {
        return AwsClients.sesV2(region, null, credentials);
    }

    public SqsClient sqs() {
        return AwsClients.sqs(region, null, credentials);
    }

    public SecretsManagerClient secretsManager() {
        return AwsClients.secretsManager(region, null, credentials);
    }

    public TranscribeJsonClient transcribe() {
        return AwsClients.transcribe(region, null, credentials);
    }

    public BedrockConverseClient bedrock() {
        return new BedrockConverseClient(UrlConnectionHttpClient.create(), region, credentials, null);
    }
}
