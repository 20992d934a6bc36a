package com.podcastinsights.cli;

import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

import java.util.UUID;

import static com.podcastinsights.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator commands against a deployed stack's table, over the real wire protocol (moto). */
class StackOperatorCommandsTest {
    private static AwsEmulator aws;

    @BeforeAll
    static void credentials() {
        aws = AwsEmulator.get();
        // the CLI uses the default credentials chain; system properties come first in it
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void feedsAndSubscribersOfANamedTable() {
        String table = "insights-" + UUID.randomUUID();
        aws.createTable(table);
        String[] target = {"--table", table, "--endpoint", aws.endpoint().toString(), "--region", "us-east-1"};
        String url = "https://feeds.example/show.xml";

        MainTest.Outcome add = cli(concat(new String[]{"feeds", "add", url}, target));
        assertEquals(0, add.code(), add.err());
        String list = cli(concat(new String[]{"feeds", "list"}, target)).out();
        assertTrue(list.contains(FeedRepository.idFor(url)), list);

        assertEquals(0, cli(concat(new String[]{"subscribers", "add", "ops@example.com"}, target)).code());
        assertTrue(cli(concat(new String[]{"subscribers", "list"}, target)).out().contains("ops@example.com"));
    }

    @Test
    void aStackIsFoundThroughItsTableNameOutput() {
        String stack = "pi-" + UUID.randomUUID().toString().substring(0, 8);
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(aws.region())
                .credentialsProvider(aws.credentials()).endpointOverride(aws.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            cfn.createStack(r -> r.stackName(stack).templateBody(TEMPLATE));
        }
        String[] target = {"--stack", stack, "--endpoint", aws.endpoint().toString(), "--region", "us-east-1"};
        MainTest.Outcome add = cli(concat(new String[]{"feeds", "add", "https://one.example/rss"}, target));
        assertEquals(0, add.code(), add.err());
        assertTrue(cli(concat(new String[]{"feeds", "list"}, target)).out().contains("https://one.example/rss"));
    }

    @Test
    void anUnknownStackIsAClearFailure() {
        MainTest.Outcome out = cli("feeds", "list", "--stack", "no-such-stack", "--endpoint", aws.endpoint().toString(),
                "--region", "us-east-1");
        assertEquals(1, out.code());
        assertTrue(out.err().contains("no-such-stack"), out.err());
    }

    @Test
    void anEndpointAloneIsRefused() {
        MainTest.Outcome out = cli("feeds", "list", "--endpoint", "http://127.0.0.1:1");
        assertEquals(1, out.code());
        assertTrue(out.err().contains("--endpoint needs --stack NAME or --table NAME"), out.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final String TEMPLATE = """
            {"Resources": {"Table": {"Type": "AWS::DynamoDB::Table", "Properties": {
              "BillingMode": "PAY_PER_REQUEST",
              "AttributeDefinitions": [
                {"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"},
                {"AttributeName": "GSI1PK", "AttributeType": "S"}, {"AttributeName": "GSI1SK", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
              "GlobalSecondaryIndexes": [{"IndexName": "GSI1",
                "KeySchema": [{"AttributeName": "GSI1PK", "KeyType": "HASH"}, {"AttributeName": "GSI1SK", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"}}]}}},
             "Outputs": {"TableName": {"Value": {"Ref": "Table"}}}}
            """;
}
