package com.podcastinsights.testing;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * Caps every DynamoDB Query at {@code size} items and every S3 ListObjectsV2 at {@code size} keys, so the contract
 * tests cross page boundaries as a large table or bucket would, while the adapters keep the services' own pages.
 */
public final class PageCap implements ExecutionInterceptor {
    private final int size;

    public PageCap(int size) {
        this.size = size;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof QueryRequest q && (q.limit() == null || q.limit() > size)) {
            return q.toBuilder().limit(size).build();
        }
        if (request instanceof ListObjectsV2Request l && (l.maxKeys() == null || l.maxKeys() > size)) {
            return l.toBuilder().maxKeys(size).build();
        }
        return request;
    }
}
