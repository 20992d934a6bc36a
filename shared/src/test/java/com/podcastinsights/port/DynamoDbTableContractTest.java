package com.podcastinsights.port;

import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.testing.AwsEmulator;

import java.util.UUID;

class DynamoDbTableContractTest extends TableContract {
    @Override
    protected Table newTable() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        String name = "table-" + UUID.randomUUID();
        aws.createTable(name);
        // A page of 2 items makes every query and index query of the contract cross page boundaries.
        return new DynamoDbTable(aws.dynamoDb(), name, 2);
    }
}
