package com.podcastinsights.port;

import com.podcastinsights.aws.S3AudioStore;
import com.podcastinsights.testing.AwsEmulator;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;
import java.util.UUID;

/** Multipart upload against moto's S3, with the smallest part S3 allows, so bodies cross part boundaries. */
class S3AudioStoreContractTest extends AudioStoreContract {
    private AwsEmulator aws;
    private String bucket;

    @Override
    protected AudioStore newStore() {
        aws = AwsEmulator.get();
        aws.reset();
        bucket = "audio-" + UUID.randomUUID();
        aws.createBucket(bucket);
        return new S3AudioStore(aws.s3(), bucket, S3AudioStore.MIN_PART_SIZE);
    }

    @Override
    protected Optional<byte[]> read(String key) {
        try {
            return Optional.of(aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    protected boolean leftovers() {
        return !aws.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty();
    }

    @Override
    protected int chunkSize() {
        return S3AudioStore.MIN_PART_SIZE;
    }
}
