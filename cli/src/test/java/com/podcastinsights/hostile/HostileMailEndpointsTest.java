package com.podcastinsights.hostile;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.cli.Main;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.MailFeedback;
import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeEndpoint;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.event.EventEnvelope;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.port.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail and its public endpoints as an attacker or a careless operator would use them (issue 13, items 7-11):
 * promises in the email, feedback from other senders on the account, unsubscribe links after a re-subscription
 * or a key rotation, a flood of bad tokens, suppressed readers added back, and a reader's erasure.
 */
class HostileMailEndpointsTest {
    private static final String READER = "reader@example.com";
    private static final Instant SCHEDULE = Instant.parse("2026-11-30T07:00:00Z");
    private static final Settings SETTINGS = new Settings("Podcast Insights <digest@podcast-insights.example>",
            ZoneId.of("UTC"), 5, 5, 2);
    private static final byte[] KEY = "hostile-key-hostile-key-hostile-key!".getBytes(StandardCharsets.UTF_8);

    private final InMemoryTable table = new InMemoryTable();
    private final RecordingMailer mailer = new RecordingMailer();
    private final SubscriberRepository subscribers = new SubscriberRepository(table);

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** The day's digest to every active reader, with links under {@code keys}; the last message sent to READER. */
    private ParsedMime digest(String day, UnsubscribeKeys keys) {
        DigestFixtures.seedDay(table, day);
        new DigestSender(table, mailer, at(day + "T07:00:03Z"), SETTINGS,
                new UnsubscribeLinks("https://u.lambda-url.us-east-1.on.aws/", new UnsubscribeToken(keys)))
                .send(Instant.parse(day + "T07:00:00Z"));
        return ParsedMime.parse(mailer.sent.get(mailer.sent.size() - 1).raw());
    }

    private static String token(ParsedMime mail) {
        Matcher m = Pattern.compile("^<https://[^>]+\\?token=([^>]+)>$").matcher(mail.headers().get("List-Unsubscribe"));
        assertTrue(m.matches(), mail.headers().get("List-Unsubscribe"));
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- item 7: promises nothing keeps

    @Test
    void theDigestPromisesNoReplyAndNoMailboxThatNothingReads() {
        subscribers.subscribe(READER, "2026-11-01T00:00:00Z");
        DigestFixtures.seedDay(table, "2026-11-30");
        new DigestSender(table, mailer, at("2026-11-30T07:00:03Z"), SETTINGS).send(SCHEDULE);
        ParsedMime mime = ParsedMime.parse(mailer.sent.get(0).raw());
        String raw = new String(mailer.sent.get(0).raw(), StandardCharsets.US_ASCII);
        assertFalse(raw.toLowerCase().contains("mailto:"), "no mailto: anywhere in the headers");
        for (ParsedMime.Part part : mime.parts()) {
            assertFalse(part.body().toLowerCase().contains("reply"), "no \"reply to this email\": " + part.contentType());
            assertFalse(part.body().toLowerCase().contains("mailto:"), "no mailbox link: " + part.contentType());
            assertFalse(part.body().contains("unsubscribe@"), "no unsubscribe mailbox: " + part.contentType());
        }
        assertTrue(mime.headers().get("List-Unsubscribe").matches("<https://[^<>,\\s]+>"),
                "exactly one URI, the one-click https one: " + mime.headers().get("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", mime.headers().get("List-Unsubscribe-Post"));
    }

    // ---------------------------------------------------------------- item 9: other senders' feedback

    @Test
    void bouncesAndComplaintsOnAnotherConfigurationSetSuppressNobody() throws Exception {
        subscribers.subscribe(READER, "2026-11-01T00:00:00Z");
        MailFeedback feedback = new MailFeedback(subscribers, "prod-digest");
        String bounce = """
                {"bounce":{"bounceType":"Permanent","bounceSubType":"General",
                  "bouncedRecipients":[{"emailAddress":"reader@example.com"}]},
                 "mail":{"destination":["reader@example.com"],"tags":{"ses:configuration-set":[%s]}}}""";
        String complaint = """
                {"complaint":{"complainedRecipients":[{"emailAddress":"reader@example.com"}]},
                 "mail":{"destination":["reader@example.com"],"tags":{"ses:configuration-set":[%s]}}}""";
        for (String set : new String[]{"\"newsletter-app\"", "", "\"prod-digest-old\"", "\"PROD-DIGEST\""}) {
            JsonNode b = Json.MAPPER.readTree(bounce.formatted(set));
            JsonNode c = Json.MAPPER.readTree(complaint.formatted(set));
            assertEquals(List.of(), apply(feedback, MailFeedback.BOUNCED, b, SCHEDULE), set);
            assertEquals(List.of(), apply(feedback, MailFeedback.COMPLAINED, c, SCHEDULE), set);
        }
        JsonNode untagged = Json.MAPPER.readTree("""
                {"complaint":{"complainedRecipients":[{"emailAddress":"reader@example.com"}]},"mail":{}}""");
        assertEquals(List.of(), apply(feedback, MailFeedback.COMPLAINED, untagged, SCHEDULE));
        assertTrue(subscribers.find(READER).orElseThrow().active());
        // ours still counts
        assertEquals(List.of(READER), apply(feedback, MailFeedback.COMPLAINED,
                Json.MAPPER.readTree(complaint.formatted("\"prod-digest\"")), SCHEDULE));
    }

    // ---------------------------------------------------------------- item 10: tokens

    @Test
    void aTokenDoesNotCarryTheAddressInAReadableForm() {
        UnsubscribeToken tokens = new UnsubscribeToken(KEY);
        String token = tokens.issue(READER, 1);
        assertFalse(token.contains("reader"), token);
        for (String part : token.split("\\.")) {
            for (Base64.Decoder d : List.of(Base64.getUrlDecoder(), Base64.getMimeDecoder())) {
                try {
                    assertFalse(new String(d.decode(part), StandardCharsets.ISO_8859_1).contains("reader"), part);
                } catch (IllegalArgumentException notBase64) {
                    // a part that is not base64 hides nothing
                }
            }
        }
        assertEquals(Optional.of(READER), tokens.verify(token));
    }

    @Test
    void anOldLinkStopsWorkingOnceTheReaderSubscribesAgain() {
        UnsubscribeKeys keys = UnsubscribeKeys.single(KEY);
        subscribers.subscribe(READER, "2026-11-01T00:00:00Z");
        String first = token(digest("2026-11-30", keys));
        UnsubscribeEndpoint endpoint = new UnsubscribeEndpoint(subscribers, new UnsubscribeToken(keys), at("2026-12-01T09:00:00Z"));
        assertEquals(200, endpoint.handle("POST", first).status());
        assertFalse(subscribers.find(READER).orElseThrow().active());

        subscribers.subscribe(READER, "2026-12-02T10:00:00Z"); // the reader asked to come back
        String second = token(digest("2026-12-03", keys));
        assertFalse(second.equals(first), "a new subscription, a new token");
        for (String method : new String[]{"POST", "GET"}) {
            assertEquals(410, endpoint.handle(method, first).status(), method + " with the old link");
            assertTrue(subscribers.find(READER).orElseThrow().active(), "the old link changed nothing");
        }
        assertEquals(200, endpoint.handle("POST", second).status());
        assertFalse(subscribers.find(READER).orElseThrow().active());
    }

    @Test
    void aRotatedOutKeyKeepsWorkingForItsGraceAndNotAfter() {
        UnsubscribeKeys before = UnsubscribeKeys.single(KEY);
        subscribers.subscribe(READER, "2026-11-01T00:00:00Z");
        String oldLink = token(digest("2026-11-30", before));
        Instant rotation = Instant.parse("2026-12-01T00:00:00Z");
        UnsubscribeKeys after = UnsubscribeKeys.parse(before.rotated(rotation, Duration.ofDays(90), new SecureRandom()));
        String newLink = token(digest("2026-12-01", after));
        assertFalse(newLink.split("\\.")[1].equals(oldLink.split("\\.")[1]), "the new key has its own id");

        Instant lastDay = rotation.plus(Duration.ofDays(90)).minusSeconds(1);
        UnsubscribeToken tokens = new UnsubscribeToken(after);
        assertTrue(tokens.verify(oldLink, lastDay).isPresent(), "a link sent before the rotation, within the grace");
        assertTrue(tokens.verify(newLink, lastDay).isPresent());
        assertEquals(Optional.empty(), tokens.verify(oldLink, lastDay.plusSeconds(1)), "the grace is over");
        assertTrue(tokens.verify(newLink, lastDay.plusSeconds(1)).isPresent());
        // the next rotation drops the expired key from the secret altogether
        String next = after.rotated(lastDay.plusSeconds(1), Duration.ofDays(90), new SecureRandom());
        assertFalse(next.contains("\"id\":\"0\""), "the expired key is gone");
    }

    @Test
    void aFloodOfBadTokensNeverTouchesTheTableAndRereadsTheKeysAtMostOncePerMinute() {
        AtomicInteger tableCalls = new AtomicInteger();
        Table untouchable = (Table) java.lang.reflect.Proxy.newProxyInstance(Table.class.getClassLoader(),
                new Class<?>[]{Table.class}, (proxy, method, args) -> {
                    tableCalls.incrementAndGet();
                    throw new AssertionError("a bad token reached the table: " + method.getName());
                });
        AtomicInteger rereads = new AtomicInteger();
        UnsubscribeKeys keys = UnsubscribeKeys.single(KEY);
        UnsubscribeEndpoint endpoint = new UnsubscribeEndpoint(new SubscriberRepository(untouchable),
                new UnsubscribeToken(keys), at("2026-12-01T09:00:00Z"))
                .rereadingKeys(() -> {
                    rereads.incrementAndGet();
                    return keys;
                }, Duration.ofMinutes(1));
        String good = new UnsubscribeToken(keys).issue(READER, 5);
        String forged = new UnsubscribeToken("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8))
                .issue(READER, 5);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[40];
            random.nextBytes(junk);
            String noise = Base64.getUrlEncoder().withoutPadding().encodeToString(junk);
            String token = switch (i % 5) {
                case 0 -> "v2.k" + i + "." + noise; // a made-up key id each time
                case 1 -> forged;
                case 2 -> good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");
                case 3 -> "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(READER.getBytes()) + "." + noise;
                default -> noise.repeat(i % 40);
            };
            assertEquals(400, endpoint.handle(i % 2 == 0 ? "POST" : "GET", token).status(), token);
        }
        assertEquals(0, tableCalls.get());
        assertEquals(1, rereads.get(), "one re-read of the keys for 400 unknown key ids in the same minute");
    }

    // ---------------------------------------------------------------- item 11: operator commands

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aComplainedOrUnsubscribedAddressIsNotAddedBackWithoutAnExplicitReactivation(@TempDir Path dir) {
        String data = dir.toString();
        assertEquals(0, cli("subscribers", "add", "gone@example.com", "--data", data).code());
        assertEquals(0, cli("subscribers", "add", "left@example.com", "--data", data).code());
        SubscriberRepository repo = new SubscriberRepository(new FileTable(dir.resolve("table")));
        repo.suppress("gone@example.com", "2026-11-30T07:00:09Z", "complaint");
        repo.unsubscribe("left@example.com", "2026-11-30T08:00:00Z");

        Outcome complained = cli("subscribers", "add", "gone@example.com", "--data", data);
        assertEquals(1, complained.code(), complained.out());
        assertTrue(complained.err().contains("suppressed") && complained.err().contains("complaint")
                && complained.err().contains("--reactivate"), complained.err());
        Outcome left = cli("subscribers", "add", "LEFT@example.com", "--data", data);
        assertEquals(1, left.code(), left.out());
        assertTrue(left.err().contains("unsubscribed") && left.err().contains("--reactivate"), left.err());
        assertFalse(repo.find("gone@example.com").orElseThrow().active());
        assertEquals("complaint", repo.subscription("gone@example.com").orElseThrow().suppressedReason(), "reason kept");
        assertFalse(repo.find("left@example.com").orElseThrow().active());

        Outcome all = cli("subscribers", "list", "--all", "--data", data);
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("gone@example.com  suppressed: complaint"), all.out());
        assertTrue(all.out().contains("left@example.com  unsubscribed"), all.out());
        assertFalse(cli("subscribers", "list", "--data", data).out().contains("@example.com"), "only active ones");

        assertEquals(0, cli("subscribers", "add", "left@example.com", "--reactivate", "--data", data).code());
        assertTrue(repo.find("left@example.com").orElseThrow().active());
        assertTrue(cli("subscribers", "list", "--all", "--data", data).out().contains("left@example.com  active"));
    }

    @Test
    void forgetErasesTheReaderFromTheTableTheOutboxAndThePreviews(@TempDir Path dir) throws Exception {
        String data = dir.toString();
        Outcome run = cli("run", "--sample", "--to", READER, "--out", data);
        assertEquals(0, run.code(), run.err());
        assertEquals(0, cli("subscribers", "add", "other@example.com", "--data", data).code());
        Outcome preview = cli("digest", "preview", "--data", data, "--subscriber", READER,
                "--date", java.time.LocalDate.now(ZoneOffset.UTC).toString());
        assertTrue(mentions(dir, READER), "the run left the reader's data behind, as it should");

        Outcome forget = cli("subscribers", "forget", READER, "--data", data);
        assertEquals(0, forget.code(), forget.err());
        assertFalse(mentions(dir, READER), "nothing of the reader is left: " + forget.out() + preview.err());
        assertTrue(new SubscriberRepository(new FileTable(dir.resolve("table"))).find("other@example.com").isPresent(),
                "other readers are kept");
    }

    /** Any file under {@code dir} naming the address, in its path or its bytes (as text or as a file name). */
    private static boolean mentions(Path dir, String email) throws Exception {
        // FileTable names a partition's folder after its key: '@' and '.' as %40 and %2E
        String encoded = email.replace(".", "%2E").replace("@", "%40");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.contains(email) || rel.contains(encoded) || rel.contains(email.replaceAll("[^A-Za-z0-9.@_-]", "_"))) {
                    return true;
                }
                if (Files.isRegularFile(p) && new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(email)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> apply(MailFeedback feedback, String detailType, JsonNode detail, java.time.Instant now) {
        return feedback.apply(com.podcastinsights.function.SesFeedback.read(detailType, detail), now);
    }
}
