package com.podcastinsights.bench;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.SqsWorkQueue;
import com.podcastinsights.local.InProcessQueue;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * `make bench-scale` (not part of `make test`): the digest fan-out for a whole simulated day. 500,000 readers on the
 * embedded adapters (in-process queue, in-memory indexed table), then 10,000 on moto (DynamoDbTable, SqsWorkQueue),
 * both against a simulated SES of 200 sends a second that rejects 0.1% at random. Writes target/scale-bench.md.
 */
class ScaleBenchmark {
    static final int RATE = 200, SENDERS = 20;
    static final double REJECT = 0.001;
    static final Path OUT = Path.of("target/scale-bench.md");

    private static void write(String text) throws Exception {
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(text);
    }

    @Test
    void embedded() throws Exception {
        int n = Integer.getInteger("bench.readers", 500_000);
        VirtualTime time = new VirtualTime(FanOutSimulation.START);
        InProcessQueue queue = new InProcessQueue(time, Duration.ofSeconds(720), 5);
        FanOutSimulation sim = new FanOutSimulation(new IndexedMemoryTable(), queue, time, () -> queue.deadLetters().size(),
                queue::nextVisibleAt);
        var readers = FanOutSimulation.readers(n);
        long seed = System.nanoTime();
        sim.seed(readers);
        System.out.printf("seeded %d readers in %.1f s%n", n, (System.nanoTime() - seed) / 1e9);
        var r = sim.run(readers, RATE, SENDERS, REJECT, Duration.ofSeconds(720));
        write(FanOutSimulation.render("Embedded adapters, " + n + " readers", r));
        assertEquals(0, r.duplicates());
        assertEquals(0, r.gaps());
    }

    @Test
    void moto() throws Exception {
        int n = Integer.getInteger("bench.motoReaders", 10_000);
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        aws.createTable("scale");
        var sqs = AwsClients.sqs(aws.region(), aws.endpoint(), aws.credentials());
        // moto's visibility runs on the wall clock, not the simulated one: a failed batch is visible again at once
        String url = sqs.createQueue(b -> b.queueName("digest-scale").attributesWithStrings(Map.of("VisibilityTimeout", "0")))
                .queueUrl();
        VirtualTime time = new VirtualTime(FanOutSimulation.START);
        FanOutSimulation sim = new FanOutSimulation(new DynamoDbTable(aws.dynamoDb(), "scale"), new SqsWorkQueue(sqs, url),
                time, () -> 0, () -> null);
        var readers = FanOutSimulation.readers(n);
        sim.seed(readers);
        var r = sim.run(readers, RATE, SENDERS, REJECT, Duration.ZERO);
        write(FanOutSimulation.render("moto (DynamoDB and SQS), " + n + " readers", r));
        assertEquals(0, r.duplicates());
        assertEquals(0, r.gaps());
    }
}
