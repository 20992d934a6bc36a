package com.podcastinsights.port;

import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.testing.AwsEmulator;

import java.util.UUID;

class S3BlobStoreContractTest extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        String bucket = "blobs-" + UUID.randomUUID();
        aws.createBucket(bucket);
        // A page of 2 keys makes every listing of the contract cross page boundaries.
        return new S3BlobStore(aws.s3(), bucket, 2);
    }
}
