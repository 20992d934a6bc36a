package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.insight.InsightRewriter.Verdict;
import com.podcastinsights.insight.ModelReview;
import com.podcastinsights.insight.RewriteBudget;
import com.podcastinsights.port.LanguageModel;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.podcastinsights.insight.ModelFixtures.BATTERIES;
import static com.podcastinsights.insight.ModelFixtures.SOLAR;
import static com.podcastinsights.insight.ModelFixtures.judgePassages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Converse request and the reading of its reply, against hand-written fixtures
 * (src/test/resources/bedrock/README.md): through a canned SDK transport, and once over the wire against a loopback
 * stub. The policy around the call (budget, verdicts, grounding) is {@code ModelReviewTest}'s, in core.
 */
class BedrockLanguageModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "amazon.nova-lite-v1:0";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);
    private static final LanguageModel.Request REQUEST = new LanguageModel.Request("Be brief.", "[1,2]", "answers",
            "one per item", "{\"type\":\"object\"}", 100, 0.2);

    private final List<Recorded> requests = new ArrayList<>();
    private final List<String> signed = new ArrayList<>();

    private record Recorded(String path, String body) {
    }

    private BedrockConverseClient client(String responseFixture) {
        return client(200, fixture(responseFixture));
    }

    private BedrockConverseClient client(int status, String body) {
        byte[] reply = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        String sent = "";
                        if (request.contentStreamProvider().isPresent()) {
                            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                                sent = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                        requests.add(new Recorded(request.httpRequest().encodedPath(), sent));
                        signed.add(request.httpRequest().firstMatchingHeader("Authorization").orElse(""));
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(status)
                                        .putHeader("Content-Type", "application/json").build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(reply))).build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        return new BedrockConverseClient(http, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "secret")), null);
    }

    private static String fixture(String name) {
        try (InputStream in = BedrockLanguageModelTest.class.getResourceAsStream("/bedrock/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RewriteBudget generous() {
        return new RewriteBudget(new InMemoryTable(), 100_000, 10.0, 1.0, 5.0, CLOCK);
    }

    @Test
    void sendsOneConverseRequestAsRecorded() throws IOException {
        new ModelReview(new BedrockLanguageModel(client("converse-response.json"), MODEL), generous())
                .review(List.of(BATTERIES, SOLAR));

        assertEquals(1, requests.size());
        assertEquals("/model/" + MODEL.replace(":", "%3A") + "/converse", requests.get(0).path());
        ObjectNode expected = (ObjectNode) JSON.readTree(fixture("converse-request.json")
                .replace("\"SYSTEM_PROMPT\"", JSON.writeValueAsString(ModelReview.SYSTEM_PROMPT))
                .replace("\"SCHEMA\"", JSON.writeValueAsString(ModelReview.SCHEMA)));
        JsonNode actual = JSON.readTree(requests.get(0).body());
        assertEquals(expected, actual);
        assertTrue(signed.get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIATEST/20"), signed.get(0));
        assertTrue(signed.get(0).contains("/us-east-1/bedrock/aws4_request"), signed.get(0));
        // the schema the model is held to is itself valid JSON
        assertEquals("object", JSON.readTree(ModelReview.SCHEMA).path("type").asText());
    }

    @Test
    void readsTheReplyTextAndTheReportedUsage() throws IOException {
        LanguageModel.Reply reply = new BedrockLanguageModel(client("converse-response.json"), MODEL).complete(REQUEST);

        String expected = JSON.readTree(fixture("converse-response.json")).path("output").path("message")
                .path("content").get(0).path("text").asText();
        assertEquals(expected, reply.text());
        assertEquals(new LanguageModel.Usage(412, 180), reply.usage());
    }

    @Test
    void joinsTheTextBlocksAndReportsNoUsageWhenBedrockGivesNone() {
        String body = "{\"output\":{\"message\":{\"content\":[{\"text\":\"{\\\"a\\\":\"},{\"image\":{}},"
                + "{\"text\":\"1}\"}]}},\"usage\":{\"inputTokens\":3}}";
        LanguageModel.Reply reply = new BedrockLanguageModel(client(200, body), MODEL).complete(REQUEST);

        assertEquals("{\"a\":1}", reply.text());
        assertNull(reply.usage());
    }

    @Test
    void anErrorStatusOrABodyThatIsNotJsonIsAFailedCall() {
        var throttled = new BedrockLanguageModel(client(429, "{\"message\":\"Too many requests\"}"), MODEL);
        assertTrue(assertThrows(IllegalStateException.class, () -> throttled.complete(REQUEST)).getMessage()
                .contains("429"));
        var garbled = new BedrockLanguageModel(client(200, "<html>gateway</html>"), MODEL);
        assertThrows(UncheckedIOException.class, () -> garbled.complete(REQUEST));
    }

    @Test
    void recordsTheReportedUsageAgainstTheDay() {
        RewriteBudget budget = generous();
        new ModelReview(new BedrockLanguageModel(client("converse-response.json"), MODEL), budget)
                .review(List.of(BATTERIES, SOLAR));
        assertEquals(592, budget.tokensUsedToday());
    }

    @Test
    void aReplyThatIsNotTheSchemaKeepsTheOriginals() {
        List<Verdict> out = new ModelReview(new BedrockLanguageModel(client("converse-response-not-json.json"), MODEL),
                generous()).review(List.of(BATTERIES, SOLAR));
        assertEquals(1, requests.size());
        assertEquals(List.of(Verdict.kept(BATTERIES.text()), Verdict.kept(SOLAR.text())), out);
    }

    @Test
    void overTheWireAgainstALoopbackStubTheAdIsDroppedAndTheClaimRewritten() throws Exception {
        byte[] reply = fixture("judge-response.json").getBytes(StandardCharsets.UTF_8);
        List<String> auth = new ArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            try (exchange) {
                auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
                requests.add(new Recorded(exchange.getRequestURI().getRawPath(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        stub.start();
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            BedrockConverseClient bedrock = new BedrockConverseClient(http, Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "secret")),
                    URI.create("http://127.0.0.1:" + stub.getAddress().getPort()));
            List<Verdict> out = new ModelReview(new BedrockLanguageModel(bedrock, MODEL), generous())
                    .review(judgePassages());

            assertEquals(1, requests.size());
            assertEquals("/model/" + MODEL.replace(":", "%3A") + "/converse", requests.get(0).path());
            JsonNode sent = JSON.readTree(requests.get(0).body());
            assertTrue(sent.path("messages").get(0).path("content").get(0).path("text").asText()
                    .contains(judgePassages().get(0).sourceText()), "the candidates go to the model as they are");
            assertTrue(auth.get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIATEST/"), auth.get(0));
            assertEquals(List.of(false, true, false, true, false), out.stream().map(Verdict::keep).toList());
            assertTrue(out.get(1).text().startsWith("Removing the global interpreter lock does not speed up"));
        } finally {
            stub.stop(0);
        }
    }
}
