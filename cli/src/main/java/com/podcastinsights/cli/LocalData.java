package com.podcastinsights.cli;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.port.Table;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the operator commands read and write: a local data dir by default, or the table of a deployed stack.
 *
 * <p>A data dir has the layout of a run's out dir ({@code table/}, {@code bucket/}, {@code outbox/}), so
 * {@code --data out/run} inspects what a run did. {@code --stack NAME} finds the table through the stack's
 * {@code TableName} output; {@code --table NAME} names it directly; {@code --endpoint URL} points either at an
 * emulator such as moto or LocalStack. Credentials come from the usual AWS chain (env, profile, SSO).
 */
public final class LocalData {
    /** One default for every command, so that what `run` (and `make run`) wrote is what the others find. */
    static final String DEFAULT_DIR = "out/run";

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "local data dir (the same dir as `run --out`); default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "manage a deployed stack: its table is found through the stack's TableName output")
    String stack;

    @Option(names = "--table", paramLabel = "NAME", description = "manage this DynamoDB table directly")
    String tableName;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "AWS endpoint override, for an emulator (moto, LocalStack); needs --stack or --table")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region for --stack/--table; default: AWS_REGION, then us-east-1")
    String region;

    boolean remote() {
        return stack != null || tableName != null;
    }

    Table table() {
        if (!remote()) {
            if (endpoint != null) throw new IllegalArgumentException("--endpoint needs --stack NAME or --table NAME");
            return new FileTable(dir.resolve("table"));
        }
        Region r = Region.of(region != null ? region
                : System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        var credentials = DefaultCredentialsProvider.builder().build();
        String name = tableName != null ? tableName : StackOutputs.tableName(stack, r, endpoint, credentials);
        return new DynamoDbTable(AwsClients.dynamoDb(r, endpoint, credentials), name);
    }

    String describe() {
        if (tableName != null) return "table " + tableName;
        if (stack != null) return "stack " + stack;
        return dir.toString();
    }
}
