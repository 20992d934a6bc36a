package com.podcastinsights.aws;

import com.podcastinsights.port.BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The blob store on one S3 bucket. S3 lists keys in UTF-8 binary order, which is the port's order. */
public record S3BlobStore(S3Client s3, String bucket) implements BlobStore {
    public S3BlobStore {
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        var request = PutObjectRequest.builder().bucket(bucket).key(key);
        if (contentType != null) request.contentType(contentType);
        s3.putObject(request.build(), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String prefix) {
        var request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        return s3.listObjectsV2Paginator(request).contents().stream().map(S3Object::key).toList();
    }
}
