package com.podcastinsights.port;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.AwsRetries;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.testing.PageCap;
import com.podcastinsights.testing.AwsEmulator;

import java.util.List;
import java.util.UUID;

class S3BlobStoreContractTest extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        String bucket = "blobs-" + UUID.randomUUID();
        aws.createBucket(bucket);
        // A page of 2 keys makes every listing of the contract cross page boundaries.
        return new S3BlobStore(AwsClients.s3(aws.region(), aws.endpoint(), aws.credentials(),
                new AwsClients.Options(AwsRetries.standard(), null, List.of(new PageCap(2)))), bucket);
    }
}
