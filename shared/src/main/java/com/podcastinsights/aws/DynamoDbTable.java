package com.podcastinsights.aws;

import com.podcastinsights.port.*;

/** STUB: to be built. */
public final class DynamoDbTable implements Table {
    public DynamoDbTable(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String tableName) {
    }
    @Override public void put(Item item) { throw new UnsupportedOperationException("stub"); }
    @Override public boolean putIfAbsent(Item item) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.Optional<Item> get(String pk, String sk) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.List<Item> query(String pk, String skPrefix) { throw new UnsupportedOperationException("stub"); }
    @Override public java.util.List<Item> queryIndex(String gsi1pk, boolean descending, int limit) { throw new UnsupportedOperationException("stub"); }
    @Override public void delete(String pk, String sk) { throw new UnsupportedOperationException("stub"); }
}
