package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.insight.InsightRewriter.Verdict;
import com.podcastinsights.insight.RankedPassage;
import com.sun.net.httpserver.HttpServer;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.insight.RewriteBudget;
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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Converse request and the mapping of its reply (judge, then rewrite), against hand-written fixtures
 * (src/test/resources/bedrock/README.md): through a canned SDK transport, and once over the wire against a loopback
 * stub.
 */
class BedrockRewriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "amazon.nova-lite-v1:0";
    private static final RankedPassage BATTERIES = new RankedPassage(
            "Batteries store four hours of energy because the evening peak lasts about that long, which means a"
                    + " fifth hour earns far less than it costs.",
            "Batteries store four hours of energy because the evening peak lasts, um, about that long, which means"
                    + " a fifth hour earns far less than it costs.", 0.9, 12.0, "Guest");
    private static final RankedPassage SOLAR = new RankedPassage(
            "Solar keeps getting cheaper every year, and utilities that do not plan for midday power will pay for"
                    + " it later.",
            "Solar keeps getting cheaper every year, and utilities that do not plan for midday power will pay for"
                    + " it later.", 0.8, 40.0, "Host");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);

    private final List<Recorded> requests = new ArrayList<>();
    private final List<String> signed = new ArrayList<>();

    private record Recorded(String path, String body) {
    }

    private BedrockConverseClient client(String responseFixture) {
        byte[] reply = fixture(responseFixture).getBytes(StandardCharsets.UTF_8);
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        String body = "";
                        if (request.contentStreamProvider().isPresent()) {
                            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                        requests.add(new Recorded(request.httpRequest().encodedPath(), body));
                        signed.add(request.httpRequest().firstMatchingHeader("Authorization").orElse(""));
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(200)
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
        try (InputStream in = BedrockRewriterTest.class.getResourceAsStream("/bedrock/" + name)) {
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
        new BedrockRewriter(client("converse-response.json"), MODEL, generous()).review(List.of(BATTERIES, SOLAR));

        assertEquals(1, requests.size());
        assertEquals("/model/" + MODEL.replace(":", "%3A") + "/converse", requests.get(0).path());
        ObjectNode expected = (ObjectNode) JSON.readTree(fixture("converse-request.json")
                .replace("\"SYSTEM_PROMPT\"", JSON.writeValueAsString(BedrockRewriter.SYSTEM_PROMPT))
                .replace("\"SCHEMA\"", JSON.writeValueAsString(BedrockRewriter.SCHEMA)));
        JsonNode actual = JSON.readTree(requests.get(0).body());
        assertEquals(expected, actual);
        assertTrue(signed.get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIATEST/20"), signed.get(0));
        assertTrue(signed.get(0).contains("/us-east-1/bedrock/aws4_request"), signed.get(0));
        // the schema the model is held to is itself valid JSON
        assertEquals("object", JSON.readTree(BedrockRewriter.SCHEMA).path("type").asText());
    }

    @Test
    void mapsTheStructuredReplyAndKeepsTheOriginalWhereTheRewriteIsNotGrounded() {
        List<String> out = texts(new BedrockRewriter(client("converse-response.json"), MODEL, generous())
                .review(List.of(BATTERIES, SOLAR)));

        assertTrue(out.get(0).startsWith("Grid batteries are sized for four hours"), out.get(0));
        // the reply adds Arizona, 2030, the Department of Energy and 40 percent: none is in the passage
        assertEquals(SOLAR.text(), out.get(1));
    }

    @Test
    void recordsTheReportedUsageAgainstTheDay() {
        RewriteBudget budget = generous();
        new BedrockRewriter(client("converse-response.json"), MODEL, budget).review(List.of(BATTERIES, SOLAR));
        assertEquals(592, budget.tokensUsedToday());
    }

    @Test
    void overTheDailyCapMakesNoCallAndKeepsTheOriginals() {
        RewriteBudget budget = new RewriteBudget(new InMemoryTable(), 1_000, 10.0, 1.0, 5.0, CLOCK);
        assertTrue(budget.reserve(900, 0).isPresent(), "another environment's call took most of the day");
        List<String> out = texts(new BedrockRewriter(client("converse-response.json"), MODEL, budget)
                .review(List.of(BATTERIES, SOLAR)));

        assertEquals(0, requests.size());
        assertEquals(List.of(BATTERIES.text(), SOLAR.text()), out);
    }

    @Test
    void overTheDailyCostCapMakesNoCall() {
        RewriteBudget budget = new RewriteBudget(new InMemoryTable(), 1_000_000, 0.001, 1.0, 5.0, CLOCK);
        new BedrockRewriter(client("converse-response.json"), MODEL, budget).review(List.of(BATTERIES, SOLAR));
        assertEquals(0, requests.size());
    }

    @Test
    void aReplyThatIsNotTheSchemaKeepsTheOriginals() {
        List<String> out = texts(new BedrockRewriter(client("converse-response-not-json.json"), MODEL, generous())
                .review(List.of(BATTERIES, SOLAR)));
        assertEquals(1, requests.size());
        assertEquals(List.of(BATTERIES.text(), SOLAR.text()), out);
    }

    @Test
    void anAdIntroAndPlugJudgedOutAreDroppedAndAKeptClaimIsRewritten() {
        List<RankedPassage> episode = judgePassages();
        List<Verdict> out = new BedrockRewriter(client("judge-response.json"), MODEL, generous()).review(episode);

        assertEquals(5, out.size());
        for (int i : new int[]{0, 2, 4}) {
            assertFalse(out.get(i).keep(), "judged out, so dropped, not shown as extracted: " + episode.get(i).text());
        }
        assertEquals("sponsor read for a product, with an offer", out.get(0).reason());
        assertTrue(out.get(1).keep());
        assertTrue(out.get(1).text().startsWith("Removing the global interpreter lock does not speed up"), out.get(1).text());
        assertNotEquals(episode.get(1).text(), out.get(1).text());
    }

    @Test
    void aKeptClaimWhoseRewriteIsNotGroundedKeepsItsExtractiveText() {
        List<RankedPassage> episode = judgePassages();
        List<Verdict> out = new BedrockRewriter(client("judge-response.json"), MODEL, generous()).review(episode);

        // the rewrite adds "India" and "1969", neither in the passage
        assertTrue(out.get(3).keep());
        assertEquals(episode.get(3).text(), out.get(3).text());
    }

    @Test
    void judgingStaysWithinTheDailyCapAndOverItEveryCandidateIsKeptAsExtracted() {
        RewriteBudget budget = new RewriteBudget(new InMemoryTable(), 2_500, 10.0, 1.0, 5.0, CLOCK);
        BedrockRewriter rewriter = new BedrockRewriter(client("judge-response.json"), MODEL, budget);

        List<Verdict> first = rewriter.review(judgePassages());
        List<Verdict> second = rewriter.review(judgePassages());

        assertEquals(1, requests.size(), "the second episode's call would pass the day's 2,500 tokens");
        assertFalse(first.get(0).keep());
        assertEquals(judgePassages().stream().map(RankedPassage::text).toList(), texts(second));
        assertTrue(budget.tokensUsedToday() <= 2_500, "used " + budget.tokensUsedToday());
    }

    @Test
    void aVerdictWithoutAnExplicitKeepDropsNothing() throws IOException {
        ObjectNode reply = (ObjectNode) JSON.readTree(fixture("judge-response.json"));
        ((ObjectNode) reply.path("output").path("message").path("content").get(0)).put("text",
                "{\"insights\":[{\"index\":0,\"reason\":\"ad\",\"text\":\"\"}]}");
        List<Verdict> out = BedrockRewriter.verdicts(reply, 2);
        assertEquals(Arrays.asList(null, null), out);
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
            List<Verdict> out = new BedrockRewriter(bedrock, MODEL, generous()).review(judgePassages());

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

    /** The candidates of judge-response.json, in its index order. */
    private static List<RankedPassage> judgePassages() {
        try {
            List<RankedPassage> out = new ArrayList<>();
            int i = 0;
            for (JsonNode p : JSON.readTree(fixture("judge-passages.json"))) {
                String text = p.path("passage").asText();
                out.add(new RankedPassage(text, text, 0.9 - 0.05 * i, 60.0 * i++, null));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> {
            assertTrue(v.keep(), "no candidate is dropped here: " + v);
            return v.text();
        }).toList();
    }
}
