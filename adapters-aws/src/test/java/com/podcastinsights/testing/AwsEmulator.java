package com.podcastinsights.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.podcastinsights.aws.AwsClients;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One AWS emulator per test JVM, shared by every integration test: moto in server mode by default (the real wire
 * protocol, no Docker), or LocalStack through Testcontainers with {@code -Daws.emulator=localstack}.
 *
 * <p>In moto mode a missing moto_server fails the test: the integration suite is part of {@code make test}, and
 * skipping it would hide that the adapters went untested. In LocalStack mode a missing Docker engine skips.
 *
 * <p>moto is not thread-safe: tests using it run one at a time (surefire's default) and keep load modest.
 */
public final class AwsEmulator {
    public static final Region REGION = Region.US_EAST_1;
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static AwsEmulator instance;
    private static RuntimeException startFailure;

    private final String kind;
    private final URI endpoint;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private SesV2Client sesV2;
    private EventBridgeClient eventBridge;
    private SqsClient sqs;

    private AwsEmulator(String kind, URI endpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
    }

    /** The JVM's emulator, started on first use. Skips the calling test only in LocalStack mode without Docker. */
    public static synchronized AwsEmulator get() {
        String kind = System.getProperty("aws.emulator", "moto");
        if (kind.equals("localstack")) {
            Assumptions.assumeTrue(LocalStack.dockerAvailable(), "no Docker engine: LocalStack tests skipped");
        }
        if (startFailure != null) throw startFailure;
        if (instance == null) {
            try {
                instance = kind.equals("localstack") ? new AwsEmulator(kind, LocalStack.start())
                        : new AwsEmulator(kind, startMoto());
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    public URI endpoint() { return endpoint; }

    public Region region() { return REGION; }

    public AwsCredentialsProvider credentials() { return CREDENTIALS; }

    public boolean isMoto() { return kind.equals("moto"); }

    /** Forgets every resource (moto only; with LocalStack, tests use fresh names instead). */
    public void reset() {
        if (!isMoto()) return;
        var response = http(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    public synchronized S3Client s3() {
        if (s3 == null) s3 = AwsClients.s3(REGION, endpoint, CREDENTIALS);
        return s3;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) dynamoDb = AwsClients.dynamoDb(REGION, endpoint, CREDENTIALS);
        return dynamoDb;
    }

    public synchronized SesV2Client sesV2() {
        if (sesV2 == null) sesV2 = AwsClients.sesV2(REGION, endpoint, CREDENTIALS);
        return sesV2;
    }

    /** The SDK's client, for setting buses and rules up; the adapter publishes through {@link #eventBridgeJson()}. */
    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = EventBridgeClient.builder().region(REGION).credentialsProvider(CREDENTIALS)
                    .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return eventBridge;
    }

    /** What {@link com.podcastinsights.aws.EventBridgePublisher} publishes through, pointed at the emulator. */
    public com.podcastinsights.aws.EventBridgeJsonClient eventBridgeJson() {
        return AwsClients.eventBridge(REGION, endpoint, CREDENTIALS);
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return sqs;
    }

    public void createBucket(String bucket) {
        s3().createBucket(b -> b.bucket(bucket));
    }

    /** The table exactly as template.yaml declares it. */
    public void createTable(String tableName) {
        dynamoDb().createTable(b -> b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("PK"), stringAttribute("SK"),
                        stringAttribute("GSI1PK"), stringAttribute("GSI1SK"),
                        stringAttribute("GSI2PK"), stringAttribute("GSI2SK"))
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("GSI1")
                        .keySchema(key("GSI1PK", KeyType.HASH), key("GSI1SK", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("GSI2")
                        .keySchema(key("GSI2PK", KeyType.HASH), key("GSI2SK", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    /** SES sends only from verified identities, in moto as in the sandbox. */
    public void verifyEmailIdentity(String addressOrDomain) {
        sesV2().createEmailIdentity(b -> b.emailIdentity(addressOrDomain));
    }

    /** Creates {@code busName} (if needed) and a rule with {@code patternJson} that copies events to a new queue. */
    public EventTap tapBus(String busName, String ruleName, String patternJson) {
        try {
            eventBridge().createEventBus(b -> b.name(busName));
        } catch (ResourceAlreadyExistsException alreadyThere) {
            // several taps may share one bus
        }
        String queueUrl = sqs().createQueue(b -> b.queueName(ruleName + "-queue")).queueUrl();
        String queueArn = sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        eventBridge().putRule(b -> b.name(ruleName).eventBusName(busName).eventPattern(patternJson));
        eventBridge().putTargets(b -> b.rule(ruleName).eventBusName(busName)
                .targets(Target.builder().id("queue").arn(queueArn).build()));
        return new EventTap(sqs(), queueUrl);
    }

    /** The raw MIME of every message sent through SES so far, in sending order. */
    public List<String> sentRawMessages() {
        List<String> raw = new ArrayList<>();
        if (isMoto()) {
            JsonNode data = json(endpoint.resolve("/moto-api/data.json"));
            data.path("ses").path("RawMessage").forEach(m -> raw.add(m.path("raw_data").asText()));
        } else {
            JsonNode data = json(endpoint.resolve("/_aws/ses"));
            data.path("messages").forEach(m -> {
                if (m.has("RawData")) raw.add(m.path("RawData").asText());
            });
        }
        return raw;
    }

    /** An SQS queue subscribed to a bus rule: reads the delivered EventBridge envelopes. */
    public record EventTap(SqsClient sqs, String queueUrl) {
        /**
         * Receives until {@code expected} events arrived or {@code timeout} passed, then polls once more so that
         * extra (duplicate or wrongly routed) deliveries show up in the result too.
         */
        public List<JsonNode> receive(int expected, Duration timeout) {
            List<JsonNode> events = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                events.addAll(poll(1));
            }
            events.addAll(poll(0));
            return events;
        }

        private List<JsonNode> poll(int waitSeconds) {
            List<JsonNode> events = new ArrayList<>();
            List<Message> messages;
            int wait = waitSeconds;
            do {
                int thisWait = wait;
                messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(thisWait)).messages();
                wait = 0; // only the first receive waits; the rest just empty what is already there
                for (Message m : messages) {
                    try {
                        events.add(JSON.readTree(m.body()));
                    } catch (IOException e) {
                        throw new IllegalStateException("queue message is not JSON: " + m.body(), e);
                    }
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            } while (!messages.isEmpty());
            return events;
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static URI startMoto() {
        return startMoto(Path.of(System.getProperty("moto.server",
                Path.of(System.getProperty("project.root", ".."), ".venv", "bin", "moto_server").toString())));
    }

    static URI startMoto(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("moto_server not found at " + binary + ": run `make venv`");
        }
        int port = freePort();
        Path log = Path.of("target", "moto-" + port + ".log").toAbsolutePath();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "moto-shutdown"));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        awaitReady(process, endpoint, log);
        return endpoint;
    }

    private static void awaitReady(Process process, URI endpoint, Path log) {
        // A generous bound: startup imports every moto service, and the machine may be busy.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        stop(process);
        throw new IllegalStateException("moto_server did not answer within 90 s; see " + log);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static HttpResponse<String> http(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("emulator request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode json(URI uri) {
        var response = http(HttpRequest.newBuilder(uri).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(uri + " did not answer JSON", e);
        }
    }

    /** Kept in its own class so that moto runs never load Testcontainers. */
    private static final class LocalStack {
        private static org.testcontainers.containers.localstack.LocalStackContainer container;

        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                return false;
            }
        }

        static URI start() {
            container = new org.testcontainers.containers.localstack.LocalStackContainer(
                    org.testcontainers.utility.DockerImageName.parse("localstack/localstack:4"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-shutdown"));
            return container.getEndpoint();
        }
    }
}
