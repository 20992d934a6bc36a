package com.podcastinsights.aws;

import com.podcastinsights.port.AudioStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams a body into S3 with a multipart upload on the synchronous client: one part in memory at a time, so a
 * 500 MB enclosure costs {@code partSize} of heap, not 500 MB. Any failure aborts the upload, so no partial
 * object and no billed orphan parts stay behind (the bucket's AbortIncompleteUploads rule is only the backstop).
 */
public final class S3AudioStore implements AudioStore {
    /** S3's smallest part, except the last. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    public S3AudioStore(S3Client s3, String bucket) {
        this(s3, bucket, DEFAULT_PART_SIZE);
    }

    public S3AudioStore(S3Client s3, String bucket, int partSize) {
        if (partSize < MIN_PART_SIZE) throw new IllegalArgumentException("partSize below S3's minimum of 5 MiB");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.partSize = partSize;
    }

    @Override
    public long upload(String key, InputStream body, String contentType) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> {
            b.bucket(bucket).key(key);
            if (contentType != null) b.contentType(contentType);
        }).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[partSize];
            long total = 0;
            int filled;
            while ((filled = fill(body, buffer)) > 0) {
                int partNumber = parts.size() + 1;
                // a stream over the one buffer (mark/reset for the SDK's retries): no second copy of the part
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                total += filled;
            }
            if (parts.isEmpty()) throw new IOException("empty body: nothing to store at " + key);
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            return total;
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** Reads until the buffer is full or the body ends: every part but the last must be full size. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) break;
            n += r;
        }
        return n;
    }
}
