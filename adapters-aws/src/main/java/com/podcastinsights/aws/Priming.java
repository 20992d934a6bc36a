package com.podcastinsights.aws;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.port.PipelineEvent;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming for the AWS side of a handler (issue 8). Call it from the handler's CRaC
 * {@code beforeCheckpoint}: {@code Priming.s3(); Priming.dynamoDb(); Priming.eventBridge();} (or
 * {@code Priming.sesV2()}), only for the services the function uses, so its jar needs nothing else.
 *
 * <p>Each method builds a throwaway client of the service, in the function's region, with the SDK's real request
 * pipeline (endpoint rules, SigV4 signing with dummy keys, checksums, marshalling, response and error
 * unmarshalling; for EventBridge, our signed {@link EventBridgeJsonClient}) and runs, through our own adapters,
 * exactly the operations the functions make. Only the transport
 * is replaced: a canned in-memory {@link SdkHttpClient} answers every request. So priming
 * <b>never reaches an AWS endpoint</b>: nothing is written to the table or bucket, no event reaches the bus (a
 * real PutEvents would start the pipeline), no mail is sent, and no connection or credential is captured in the
 * snapshot ({@link #containerCredentials} fetches made-up credentials from a loopback socket of its own). What it
 * loads and warms (classes, the endpoint-rule and marshaller caches, JIT profiles) is shared
 * with the handler's real clients, which the handler built in its constructor.
 *
 * <p>Where priming could reach a real endpoint, and why it does not: a read such as a DynamoDB GetItem on a
 * sentinel key would also warm the url-connection transport and TLS, and is harmless to the data, but (1) the
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
        try (S3Client s3 = S3Client.builder().region(region()).credentialsProvider(DUMMY)
                .httpClient(new CannedHttpClient(Priming::s3Response)).build()) {
            var blobs = new S3BlobStore(s3, "priming-bucket");
            blobs.put("priming/key.json", "{\"priming\":true}".getBytes(StandardCharsets.UTF_8), "application/json");
            blobs.get("priming/key.json");
            blobs.list("priming/");
        }
    }

    /** GetItem, PutItem (plain and conditional), Query (table and GSI1) and DeleteItem through {@link DynamoDbTable}. */
    public static void dynamoDb() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(region()).credentialsProvider(DUMMY)
                .httpClient(new CannedHttpClient(request -> json(200, "{}"))).build()) {
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
        }
    }

    /** One PutEvents through {@link EventBridgePublisher} and {@link EventBridgeJsonClient}. */
    public static void eventBridge() {
        var events = new EventBridgeJsonClient(new CannedHttpClient(request -> new Canned(200,
                Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}".getBytes(StandardCharsets.UTF_8))),
                region(), DUMMY, null);
        new EventBridgePublisher(events, "priming-bus")
                .publish(List.of(new PipelineEvent("podcast-insights.priming", "Priming", "{\"p\":1}")));
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
        try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().region(region()).credentialsProvider(DUMMY)
                .httpClient(new CannedHttpClient(request -> json(200, answer))).build()) {
            new SqsWorkQueue(sqs, "https://sqs.priming.invalid/000000000000/priming").send(List.of(body));
        }
    }

    /** One raw SendEmail through {@link SesMailer}. */
    public static void sesV2() {
        try (SesV2Client ses = SesV2Client.builder().region(region()).credentialsProvider(DUMMY)
                .httpClient(new CannedHttpClient(request -> json(200, "{\"MessageId\":\"priming\"}"))).build()) {
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
        try (ServerSocket socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> serveCannedCredentials(socket));
            String uri = "http://127.0.0.1:" + socket.getLocalPort() + "/priming-credentials";
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
                server.interrupt();
            }
        }
    }

    private static final String FULL_URI = "aws.containerCredentialsFullUri";
    private static final String TOKEN = "aws.containerAuthorizationToken";

    /** Answers each connection with one set of made-up credentials until the socket closes. */
    private static void serveCannedCredentials(ServerSocket socket) {
        byte[] body = ("{\"AccessKeyId\":\"AKIAPRIMING00000000\",\"SecretAccessKey\":\"priming-secret\","
                + "\"Token\":\"priming-token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                // the request ends with an empty line; its content does not matter
                for (int last = 0, c; (c = in.read()) != -1; ) {
                    if (c == '\n' && last == '\n') break;
                    if (c != '\r') last = c;
                }
                OutputStream out = s.getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                return; // closed: priming is over
            }
        }
    }

    private static Region region() {
        return AwsClients.lambdaRegion();
    }

    private static Canned s3Response(SdkHttpRequest request) {
        return switch (request.method()) {
            case PUT -> new Canned(200, Map.of("ETag", "\"priming\""), new byte[0]);
            case GET -> request.firstMatchingRawQueryParameter("list-type").isPresent()
                    ? new Canned(200, Map.of("Content-Type", "application/xml"),
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult "
                            + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>priming-bucket</Name>"
                            + "<Prefix>priming/</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>"
                            + "<IsTruncated>false</IsTruncated><Contents><Key>priming/key.json</Key><Size>16</Size>"
                            + "</Contents></ListBucketResult>").getBytes(StandardCharsets.UTF_8))
                    : new Canned(200, Map.of("Content-Type", "application/json", "ETag", "\"priming\""),
                    "{\"priming\":true}".getBytes(StandardCharsets.UTF_8));
            default -> new Canned(200, Map.of(), new byte[0]);
        };
    }

    private static Canned json(int status, String body) {
        return new Canned(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private record Canned(int status, Map<String, String> headers, byte[] body) {
    }

    /** Answers every request in memory; reads the request body so that streaming and checksums run too. */
    private static final class CannedHttpClient implements SdkHttpClient {
        private final java.util.function.Function<SdkHttpRequest, Canned> responder;

        CannedHttpClient(java.util.function.Function<SdkHttpRequest, Canned> responder) {
            this.responder = responder;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    request.contentStreamProvider().ifPresent(provider -> {
                        try (InputStream in = provider.newStream()) {
                            in.transferTo(OutputStream.nullOutputStream());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    Canned canned = responder.apply(request.httpRequest());
                    var response = SdkHttpResponse.builder().statusCode(canned.status())
                            .putHeader("Content-Length", Integer.toString(canned.body().length))
                            .putHeader("x-amzn-RequestId", "priming");
                    canned.headers().forEach(response::putHeader);
                    return HttpExecuteResponse.builder().response(response.build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(canned.body())))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public String clientName() {
            return "priming";
        }

        @Override
        public void close() {
        }
    }
}
