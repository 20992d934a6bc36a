package com.podcastinsights.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS adapters a function builds at init, on the region and credentials Lambda gives it. The caller passes
 * each resource name read from its own environment ({@code env.require("TABLE_NAME")}), so the template test
 * still sees which function reads which variable. One S3 client serves every S3 adapter of the function.
 */
public final class LambdaPorts {
    private final Region region = AwsClients.lambdaRegion();
    private final AwsCredentialsProvider credentials = AwsClients.lambdaCredentials();
    private S3Client s3;

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public DynamoDbTable table(String tableName) {
        return new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), tableName);
    }

    public S3BlobStore bucket(String bucketName) {
        return new S3BlobStore(s3(), bucketName);
    }

    public EventBridgePublisher bus(String busName) {
        return new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials), busName);
    }

    public S3Client s3() {
        if (s3 == null) s3 = AwsClients.s3(region, null, credentials);
        return s3;
    }
}
