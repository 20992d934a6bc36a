package com.podcastinsights.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.port.Table;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sends one day's digest to {@code bench.subscribers} (default 10,000) subscribers through the real DigestSender,
 * SesMailer and DynamoDbTable against moto, with injected SES throttling and a few rejected addresses, then
 * replays the same schedule twice. Checks moto's sent mail: no duplicate and no gap. Reports sends per second
 * against a baseline measured in the same run on the same moto: bare SesMailer.send of one prebuilt message,
 * so the ratio is the cost of the digest's own work (claim, render per subscriber, record) per send.
 * Run: {@code make bench-digest}.
 */
class DigestSendBenchmark {
    private static final String SENDER = "digest@podcast-insights.example";
    private static final Instant SCHEDULE = Instant.parse("2026-11-30T07:00:00Z");
    private static final Pattern TO = Pattern.compile("(?m)^To: ([^\\r\\n]+)\\r?$");

    @Test
    void sendToManySubscribers() throws Exception {
        int n = Integer.getInteger("bench.subscribers", 10_000);
        int baselineSends = Math.max(100, n / 10);
        int throttleEvery = 997;
        AwsEmulator aws = AwsEmulator.get();

        // baseline: the bare mailer on the same moto, same message size
        aws.reset();
        aws.verifyEmailIdentity(SENDER);
        SesMailer bare = new SesMailer(aws.sesV2(), null);
        Table scratch = new com.podcastinsights.local.FileTable(Files.createTempDirectory("bench-table"));
        DigestFixtures.seedDay(scratch, "2026-11-30");
        new SubscriberRepository(scratch).subscribe("baseline@example.com", "2026-11-01T00:00:00Z");
        List<OutgoingMail> one = new java.util.ArrayList<>();
        new DigestSender(scratch, m -> { one.add(m); return "x"; }, Clock.fixed(SCHEDULE, ZoneOffset.UTC), settings()).send(SCHEDULE);
        long b0 = System.nanoTime();
        for (int i = 0; i < baselineSends; i++) bare.send(one.get(0));
        double baselineRate = baselineSends / ((System.nanoTime() - b0) / 1e9);

        // the run
        aws.reset();
        aws.verifyEmailIdentity(SENDER);
        aws.createTable("bench");
        Table table = new DynamoDbTable(aws.dynamoDb(), "bench");
        DigestFixtures.seedDay(table, "2026-11-30");
        SubscriberRepository subscribers = new SubscriberRepository(table);
        List<String> emails = IntStream.range(0, n).mapToObj(i -> String.format(Locale.ROOT, "reader%05d@example.com", i)).toList();
        long s0 = System.nanoTime();
        emails.forEach(e -> subscribers.subscribe(e, "2026-11-01T00:00:00Z"));
        double subscribeSeconds = (System.nanoTime() - s0) / 1e9;
        Set<String> bad = new HashSet<>();
        for (int i = 7; i < n; i += Math.max(1, n / 5)) bad.add(emails.get(i));

        FaultInjectingSes ses = new FaultInjectingSes(aws.sesV2(), bad, throttleEvery);
        DigestSender sender = new DigestSender(table, new SesMailer(ses, null), Clock.systemUTC(), settings(),
                new UnsubscribeLinks("https://bench.lambda-url.us-east-1.on.aws/",
                        new UnsubscribeToken(UnsubscribeToken.randomKey())));
        long t0 = System.nanoTime();
        DigestReport first = sender.send(SCHEDULE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        DigestReport replay1 = sender.send(SCHEDULE);
        DigestReport replay2 = sender.send(SCHEDULE);

        Map<String, Integer> perRecipient = sentPerRecipient(aws.endpoint());
        int duplicates = (int) perRecipient.values().stream().filter(c -> c > 1).count();
        int gaps = (int) emails.stream().filter(e -> !bad.contains(e) && !perRecipient.containsKey(e)).count();
        int badDelivered = (int) bad.stream().filter(perRecipient::containsKey).count();
        int messages = perRecipient.values().stream().mapToInt(Integer::intValue).sum();
        double rate = first.sent() / seconds;

        String report = String.format(Locale.ROOT, """
                        digest send benchmark (moto %s)
                          subscribers                 %d (%d rejected by SES on purpose; subscribe took %.1f s)
                          first run                   sent %d, failed %d, deferred %d in %.1f s
                          replays (2x)                sent %d and %d, skipped %d and %d
                          throttled calls (backed off) %d of %d SES calls
                          messages in moto            %d
                          duplicates                  %d
                          gaps                        %d
                          rejected that got mail      %d
                          sends/s, digest pipeline    %.1f
                          sends/s, baseline           %.1f (bare SesMailer.send of one prebuilt message, %d sends)
                          ratio pipeline/baseline     %.2f
                        """, aws.endpoint(), n, bad.size(), subscribeSeconds,
                first.sent(), first.failed(), first.deferred(), seconds,
                replay1.sent(), replay2.sent(), replay1.skipped(), replay2.skipped(),
                ses.throttled.get(), ses.calls.get(), messages, duplicates, gaps, badDelivered,
                rate, baselineRate, baselineSends, rate / baselineRate);
        System.out.println(report);
        Path out = Path.of("target", "digest-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertEquals(0, duplicates, "duplicates");
        assertEquals(0, gaps, "gaps");
        assertEquals(0, badDelivered);
        assertEquals(n - bad.size(), messages);
        assertEquals(n - bad.size(), first.sent());
        assertEquals(0, replay1.sent() + replay2.sent());
    }

    private static Settings settings() {
        return new Settings(SENDER, ZoneId.of("UTC"), 5, 5, 2);
    }

    /** Streams moto's data.json (large: every raw message) and counts messages by their To header. */
    private static Map<String, Integer> sentPerRecipient(URI endpoint) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Map<String, Integer> counts = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(response.body())) {
            boolean inRaw = false;
            int depth = 0;
            while (p.nextToken() != null) {
                JsonToken t = p.currentToken();
                if (t == JsonToken.FIELD_NAME && !inRaw && "RawMessage".equals(p.currentName())) {
                    p.nextToken();
                    inRaw = true;
                    depth = 0;
                    continue;
                }
                if (!inRaw) continue;
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) depth++;
                else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    if (depth == 0) { inRaw = false; continue; }
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 1 && "raw_data".equals(p.currentName())) {
                    p.nextToken();
                    String raw = p.getText();
                    Matcher m = TO.matcher(raw.substring(0, Math.min(raw.length(), 4000)));
                    // one entry per accepted message (its "destinations" repeat the To address; the header does not)
                    if (m.find()) counts.merge(m.group(1).trim(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
