package com.podcastinsights.port;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.SqsWorkQueue;
import com.podcastinsights.testing.AwsEmulator;

import java.util.Map;
import java.util.UUID;

class SqsWorkQueueContractTest extends WorkQueueContract {
    @Override
    protected WorkQueue newQueue() {
        AwsEmulator aws = AwsEmulator.get();
        var sqs = AwsClients.sqs(aws.region(), aws.endpoint(), aws.credentials());
        String url = sqs.createQueue(b -> b.queueName("work-" + UUID.randomUUID())
                .attributesWithStrings(Map.of("VisibilityTimeout", "300"))).queueUrl();
        return new SqsWorkQueue(sqs, url);
    }
}
