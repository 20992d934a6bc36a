package com.podcastinsights.port;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.testing.AwsEmulator;
import com.podcastinsights.testing.OneRequestAtATimeTransport;
import com.podcastinsights.testing.PageCap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.UUID;

class DynamoDbTableContractTest extends TableContract {
    /**
     * moto, unlike DynamoDB, does not apply a conditional UpdateItem atomically under concurrent requests (see
     * {@link OneRequestAtATimeTransport} for the measurement), so concurrentCountersNeverPassTheLimit failed about
     * one run in three on a loaded machine while the adapter was right. The adapter's requests reach moto one at a
     * time; its callers still race each other, which is what the contract tests of the adapter.
     */
    private static DynamoDbClient client;

    @Override
    protected Table newTable() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        String name = "table-" + UUID.randomUUID();
        aws.createTable(name);
        synchronized (DynamoDbTableContractTest.class) {
            if (client == null) {
                // A page of 2 items makes every query and index query of the contract cross page boundaries.
                AwsClients.Options oneAtATime = new OneRequestAtATimeTransport().options();
                client = AwsClients.dynamoDb(aws.region(), aws.endpoint(), aws.credentials(), new AwsClients.Options(
                        oneAtATime.retries(), oneAtATime.transport(), List.of(new PageCap(2))));
            }
        }
        return new DynamoDbTable(client, name);
    }
}
