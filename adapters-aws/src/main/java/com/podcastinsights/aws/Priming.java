package com.podcastinsights.aws;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.port.PipelineEvent;
import com.podcastinsights.port.Table;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import com.podcastinsights.aws.PrimingServer.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SnapStart priming for the AWS side of a handler (issue 8). Call it from the handler's CRaC
 * {@code beforeCheckpoint} ({@link SnapStart}): one method per service the function uses ({@code s3()},
 * {@code dynamoDb()}, {@code eventBridge()}, {@code sqs()}, {@code sesV2()}), so its jar needs nothing else, and
 * {@code containerCredentials()}.
 *
 * <p>Each method builds a throwaway client of the service, in the function's region, with the SDK's real request
 * pipeline (endpoint rules, SigV4 signing with dummy keys, checksums, marshalling, response and error
 * unmarshalling; for EventBridge, our signed {@link EventBridgeJsonClient}) and runs, through our own adapters,
 * exactly the operations the functions make. The transport is the functions' own url-connection client, but
 * its connections go to a loopback {@link PrimingServer} that answers as the service would (dates, checksums,
 * items found), so the JDK's HTTP client and the SDK's response handling run too: without that, the first request
 * after restore loaded ~90 classes of them. So priming <b>never reaches an AWS endpoint</b>: nothing is written
 * to the table or bucket, no event reaches the bus (a real PutEvents would start the pipeline), no mail is sent,
 * and no connection or credential is captured in the snapshot (every loopback connection is closed after its
 * request; {@link #containerCredentials} fetches made-up credentials the same way). What it loads and warms
 * (classes, the endpoint-rule and marshaller caches, JIT profiles) is shared with the handler's real clients,
 * which the handler built in its constructor.
 *
 * <p>Where priming could reach a real endpoint, and why it does not: a read such as a DynamoDB GetItem on a
 * sentinel key would also warm TLS, and is harmless to the data, but (1) the
 * pooled keep-alive connection would be stale in every restored copy, (2) it needs the function's IAM
 * permissions at snapshot time, and (3) its latency lands in the version's publish time. The TLS classes are the
 * only thing left cold; the first real call pays for them (tens of ms).
 */
public final class Priming {
    private static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING00000000", "priming-secret"));

    private Priming() {
    }

    /** PutObject, GetObject and ListObjectsV2 through {@link S3BlobStore}. */
    public static void s3() {
        try (var http = new LoopbackHttpClient(Priming::s3Response);
             S3Client s3 = S3Client.builder().region(region()).credentialsProvider(DUMMY).httpClient(http).build()) {
            var blobs = new S3BlobStore(s3, "priming-bucket");
            blobs.put("priming/key.json", "{\"priming\":true}".getBytes(StandardCharsets.UTF_8), "application/json");
            blobs.get("priming/key.json");
            blobs.list("priming/");
        }
    }

    /** GetItem, PutItem (plain and conditional), Query (table and GSI1) and DeleteItem through {@link DynamoDbTable}. */
    public static void dynamoDb() {
        dynamoDb(table -> {
        });
    }

    /**
     * As {@link #dynamoDb()}, then {@code work} on the same throwaway table: a function's own repository code
     * (its items' attribute types, its keys' formatting) run against the canned answers, writing nowhere.
     */
    public static void dynamoDb(java.util.function.Consumer<Table> work) {
        try (var http = new LoopbackHttpClient(Priming::dynamoDbResponse);
             DynamoDbClient dynamo = DynamoDbClient.builder().region(region()).credentialsProvider(DUMMY)
                     .httpClient(http).build()) {
            var table = new DynamoDbTable(dynamo, "priming-table");
            Item item = Item.of("PRIMING#1", "PRIMING#1").with("n", 1L).with("s", "v")
                    .with("l", List.of("a", "b")).index("PRIMING", "1").build();
            table.put(item);
            table.putIfAbsent(item);
            table.get("PRIMING#1", "PRIMING#1");
            table.query("PRIMING#1", "PRIMING#");
            table.queryIndex("PRIMING", true, 5);
            table.queryIndex2("PRIMING", 5);
            table.replaceIf(item, "s", "v");
            table.delete("PRIMING#1", "PRIMING#1");
            work.accept(table);
        }
    }

    /** One PutEvents through {@link EventBridgePublisher} and {@link EventBridgeJsonClient}. */
    public static void eventBridge() {
        try (var http = new LoopbackHttpClient(request -> new Response(200,
                Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}".getBytes(StandardCharsets.UTF_8)))) {
            new EventBridgePublisher(new EventBridgeJsonClient(http, region(), DUMMY, null), "priming-bus")
                    .publish(List.of(new PipelineEvent("podcast-insights.priming", "Priming", "{\"p\":1}")));
        }
    }

    /** One SendMessageBatch through {@link SqsWorkQueue} (the SDK checks the body's MD5, so the canned answer has it). */
    public static void sqs() {
        String body = "{\"priming\":true}";
        String md5;
        try {
            md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String answer = "{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"priming\",\"MD5OfMessageBody\":\"" + md5 + "\"}],\"Failed\":[]}";
        try (var http = new LoopbackHttpClient(request -> json(answer));
             var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().region(region()).credentialsProvider(DUMMY)
                     .httpClient(http).build()) {
            new SqsWorkQueue(sqs, "https://sqs.priming.invalid/000000000000/priming").send(List.of(body));
        }
    }

    /** One raw SendEmail through {@link SesMailer}. */
    public static void sesV2() {
        try (var http = new LoopbackHttpClient(request -> json("{\"MessageId\":\"priming\"}"));
             SesV2Client ses = SesV2Client.builder().region(region()).credentialsProvider(DUMMY).httpClient(http).build()) {
            byte[] raw = ("From: p@priming.invalid\r\nTo: q@priming.invalid\r\nSubject: p\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\np\r\n").getBytes(StandardCharsets.UTF_8);
            new SesMailer(ses, "priming-set").send(new OutgoingMail("p@priming.invalid", "q@priming.invalid", "p",
                    "p", "<p>p</p>", raw));
        }
    }

    /**
     * The container-credentials path a SnapStart function takes on its first call after restore (Lambda serves its
     * credentials at {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, not in the environment): a throwaway
     * {@link ContainerCredentialsProvider} fetches canned credentials from a loopback socket of its own, so the
     * provider, the JDK's HTTP client and the credentials JSON are loaded and warm while no real credential enters
     * the snapshot. The SDK reads the URI and token from system properties before the environment; they are set for
     * this call only (priming runs on one thread, before the snapshot).
     */
    public static void containerCredentials() throws IOException {
        try (PrimingServer server = new PrimingServer()) {
            server.answer(new Response(200, Map.of("Content-Type", "application/json"),
                    ("{\"AccessKeyId\":\"AKIAPRIMING00000000\",\"SecretAccessKey\":\"priming-secret\","
                            + "\"Token\":\"priming-token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")
                            .getBytes(StandardCharsets.UTF_8)));
            String uri = "http://127.0.0.1:" + server.port() + "/priming-credentials";
            Map<String, String> saved = new java.util.HashMap<>();
            for (String p : List.of(FULL_URI, TOKEN)) saved.put(p, System.getProperty(p));
            try {
                System.setProperty(FULL_URI, uri);
                System.setProperty(TOKEN, "priming");
                try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
                    provider.resolveCredentials();
                }
            } finally {
                saved.forEach((p, v) -> {
                    if (v == null) System.clearProperty(p);
                    else System.setProperty(p, v);
                });
            }
        }
    }

    private static final String FULL_URI = "aws.containerCredentialsFullUri";
    private static final String TOKEN = "aws.containerAuthorizationToken";

    private static Region region() {
        return AwsClients.lambdaRegion();
    }

    /** As S3 answers: dates in headers and listings, so the SDK's date parsing runs too. */
    private static Response s3Response(SdkHttpRequest request) {
        Map<String, String> dated = Map.of("Date", HTTP_DATE, "ETag", "\"priming\"");
        return switch (request.method()) {
            case PUT -> new Response(200, dated, new byte[0]);
            case GET -> request.firstMatchingRawQueryParameter("list-type").isPresent()
                    ? new Response(200, Map.of("Date", HTTP_DATE, "Content-Type", "application/xml"),
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult "
                            + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>priming-bucket</Name>"
                            + "<Prefix>priming/</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>"
                            + "<IsTruncated>false</IsTruncated><Contents><Key>priming/key.json</Key>"
                            + "<LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>&quot;priming&quot;</ETag>"
                            + "<Size>16</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>")
                            .getBytes(StandardCharsets.UTF_8))
                    : new Response(200, Map.of("Date", HTTP_DATE, "ETag", "\"priming\"", "Last-Modified", HTTP_DATE,
                    "Content-Type", "application/json"), "{\"priming\":true}".getBytes(StandardCharsets.UTF_8));
            default -> new Response(200, dated, new byte[0]);
        };
    }

    private static final String HTTP_DATE = "Thu, 01 Jan 2026 00:00:00 GMT";
    private static final String PRIMING_ITEM = "{\"PK\":{\"S\":\"PRIMING#1\"},\"SK\":{\"S\":\"PRIMING#1\"},"
            + "\"n\":{\"N\":\"1\"},\"s\":{\"S\":\"v\"},\"l\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"}]}}";

    /** As DynamoDB answers: a GetItem finds the item, a Query finds one; the reads' item unmarshalling runs too. */
    private static Response dynamoDbResponse(SdkHttpRequest request) {
        String target = request.firstMatchingHeader("X-Amz-Target").orElse("");
        if (target.endsWith(".GetItem")) return json("{\"Item\":" + PRIMING_ITEM + "}");
        if (target.endsWith(".Query")) return json("{\"Items\":[" + PRIMING_ITEM + "],\"Count\":1,\"ScannedCount\":1}");
        return json("{}");
    }

    /** A JSON answer with DynamoDB's CRC32 of the body, which the SDK checks (the other JSON services ignore it). */
    private static Response json(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return new Response(200, Map.of("Content-Type", "application/x-amz-json-1.0", "Date", HTTP_DATE,
                "x-amzn-RequestId", "priming", "x-amz-crc32", Long.toString(crc.getValue())), bytes);
    }

    /**
     * The url-connection transport the functions' clients use, sent to a {@link PrimingServer} of its own instead
     * of the request's host: the request keeps its AWS host in its signature, only the connection goes to loopback.
     */
    private static final class LoopbackHttpClient implements SdkHttpClient {
        private final SdkHttpClient transport = UrlConnectionHttpClient.create();
        private final PrimingServer server;
        private final Function<SdkHttpRequest, Response> responder;

        LoopbackHttpClient(Function<SdkHttpRequest, Response> responder) {
            this.responder = responder;
            try {
                this.server = new PrimingServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            server.answer(responder.apply(request.httpRequest()));
            SdkHttpRequest local = request.httpRequest().toBuilder().protocol("http").host("127.0.0.1")
                    .port(server.port()).build();
            return transport.prepareRequest(HttpExecuteRequest.builder().request(local)
                    .contentStreamProvider(request.contentStreamProvider().orElse(null)).build());
        }

        @Override
        public String clientName() {
            return transport.clientName();
        }

        @Override
        public void close() {
            transport.close();
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
