package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import com.podcastinsights.port.Item;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.OutgoingMail;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DigestSenderTest {
    private static final String DAY = "2026-11-30";
    private static final Instant SCHEDULE = Instant.parse("2026-11-30T07:00:00Z");
    private final InMemoryTable table = new InMemoryTable();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Settings settings = new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:00:03Z"), ZoneOffset.UTC);
    private final DigestSender sender = new DigestSender(table, mailer, clock, settings);
    private final SubscriberRepository subscribers = new SubscriberRepository(table);

    private void seed(String... emails) {
        DigestFixtures.seedDay(table, DAY);
        for (String e : emails) subscribers.subscribe(e, "2026-11-01T00:00:00Z");
    }

    @Test
    void sendsOneDigestToEachActiveSubscriber() {
        seed("ann@example.com", "bob@example.com", "cat@example.com");
        subscribers.unsubscribe("cat@example.com", "2026-11-02T00:00:00Z");
        DigestReport report = sender.send(SCHEDULE);
        assertEquals(new DigestReport(DAY, 2, 2, 0, 0, 0, 5, null, 0, 0), report);
        assertEquals(List.of("ann@example.com", "bob@example.com"), mailer.sent.stream().map(OutgoingMail::to).sorted().toList());
        OutgoingMail mail = mailer.sent.get(0);
        assertEquals("digest@podcast-insights.example", mail.from());
        ParsedMime mime = ParsedMime.parse(mail.raw());
        assertEquals(mail.to(), mime.headers().get("To"));
        assertEquals(mail.subject(), mime.headers().get("Subject"));
        Item record = table.get(Keys.subscriberPk(mail.to()), Keys.digestSk(DAY)).orElseThrow();
        assertEquals("SENT", record.string("status"));
        assertEquals("Digest", record.string("type"));
        assertEquals(5, record.strings("insightIds").size());
        assertTrue(record.number("ttl", 0) > clock.instant().plusSeconds(80L * 86400).getEpochSecond());
        assertNotNull(record.string("messageId"));
    }

    @Test
    void theFromLineCarriesTheSenderNameEncodedWhenNotAsciiAndTheEnvelopeTheBareAddress() {
        seed("ann@example.com");
        DigestSender named = new DigestSender(table, mailer, clock, settings.withSender("Podcast Insights", ""));
        named.send(SCHEDULE);
        assertEquals("Podcast Insights <digest@podcast-insights.example>",
                ParsedMime.parse(mailer.sent.get(0).raw()).headers().get("From"));
        assertEquals("digest@podcast-insights.example", mailer.sent.get(0).from());

        Instant nextDay = SCHEDULE.plusSeconds(86400);
        DigestFixtures.seedDay(table, "2026-12-01");
        new DigestSender(table, mailer, Clock.offset(clock, java.time.Duration.ofDays(1)),
                settings.withSender("Pödcast \"Insights\" <x>", "")).send(nextDay);
        String raw = new String(mailer.sent.get(1).raw(), java.nio.charset.StandardCharsets.US_ASCII);
        String from = raw.lines().filter(l -> l.startsWith("From: ")).findFirst().orElseThrow();
        assertEquals("From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Pödcast Insights x".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?= <digest@podcast-insights.example>", from);
        assertEquals("digest@podcast-insights.example", mailer.sent.get(1).from());
    }

    @Test
    void everyMessageCarriesItsRecipientsOneClickUnsubscribe() {
        seed("ann@example.com", "bob@example.com");
        UnsubscribeToken tokens = new UnsubscribeToken(UnsubscribeTokenTest.KEY);
        new DigestSender(table, mailer, clock, settings,
                new UnsubscribeLinks("https://abc.lambda-url.us-east-1.on.aws/", tokens))
                .send(SCHEDULE);
        assertEquals(2, mailer.sent.size());
        for (OutgoingMail mail : mailer.sent) {
            ParsedMime mime = ParsedMime.parse(mail.raw());
            String header = mime.headers().get("List-Unsubscribe");
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^<https://abc\\.lambda-url\\.us-east-1\\.on\\.aws/\\?token=([^>]+)>$")
                    .matcher(header);
            assertTrue(m.matches(), header);
            String token = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(java.util.Optional.of(mail.to()), tokens.verify(token), "the token is the recipient's own");
            assertEquals("List-Unsubscribe=One-Click", mime.headers().get("List-Unsubscribe-Post"));
            assertTrue(mime.parts().get(1).body().contains(MailText.escapeHtml("https://abc.lambda-url.us-east-1.on.aws/?token=" + m.group(1))),
                    "the footer links the same endpoint");
            assertTrue(mime.parts().get(0).body().contains("because " + mail.to() + " subscribed"));
        }
    }

    @Test
    void aRunCutShortByTheTimeLimitIsResumedByTheNextInvocation() {
        seed("ann@example.com", "bob@example.com", "cat@example.com", "dan@example.com");
        int[] budget = {2};
        DigestReport first = sender.send(SCHEDULE, () -> budget[0]-- > 0);
        assertEquals(2, first.sent());
        assertEquals(2, first.deferred());
        assertNotNull(first.note());
        DigestReport resumed = sender.send(SCHEDULE, () -> true);
        assertEquals(2, resumed.sent());
        assertEquals(2, resumed.skipped());
        assertEquals(0, resumed.deferred());
        assertEquals(List.of("ann@example.com", "bob@example.com", "cat@example.com", "dan@example.com"),
                mailer.sent.stream().map(OutgoingMail::to).sorted().toList(), "each exactly once");
    }

    @Test
    void hourlyRunsSendToEachSubscriberAtTheirOwnLocalSendHourForTheirOwnDay() {
        DigestFixtures.seedDay(table, "2026-11-30");
        DigestFixtures.seedDay(table, "2026-12-01");
        subscribers.save(new Subscriber("tokyo@example.com", true, null, "Asia/Tokyo", 7, List.of(), List.of()), "2026-11-01T00:00:00Z");
        subscribers.save(new Subscriber("utc@example.com", true, null, null, 7, List.of(), List.of()), "2026-11-01T00:00:00Z");
        subscribers.save(new Subscriber("legacy@example.com", true, null, null, null, List.of(), List.of()), "2026-11-01T00:00:00Z");
        DigestSender hourly = new DigestSender(table, mailer, clock, settings, UnsubscribeLinks.local(),
                SendPacer.perSecond(0), 9);

        DigestReport tokyoMorning = hourly.send(Instant.parse("2026-11-30T22:00:00Z")); // 07:00 on Dec 1 in Tokyo
        assertEquals(1, tokyoMorning.sent());
        assertEquals(1, tokyoMorning.subscribers(), "the send-hour index lists the due reader only");
        assertEquals("tokyo@example.com", mailer.sent.get(0).to());
        assertTrue(table.get(Keys.subscriberPk("tokyo@example.com"), Keys.digestSk("2026-12-01")).isPresent(), "their own day");

        hourly.send(Instant.parse("2026-12-01T07:00:00Z"));
        hourly.send(Instant.parse("2026-12-01T08:00:00Z"));
        hourly.send(Instant.parse("2026-12-01T09:00:00Z"));
        assertEquals(List.of("tokyo@example.com", "utc@example.com", "legacy@example.com"),
                mailer.sent.stream().map(OutgoingMail::to).toList(), "07:00 UTC reader, then the default hour 09:00");
        hourly.send(Instant.parse("2026-12-01T22:00:00Z")); // Tokyo's Dec 2: Dec 1 insights its edition did not carry
        assertEquals(4, mailer.sent.size());
        assertEquals("tokyo@example.com", mailer.sent.get(3).to());
        List<String> dec1 = table.get(Keys.editionPk("2026-12-01"), Keys.EDITION_SK).orElseThrow().strings("insightIds");
        List<String> dec2 = table.get(Keys.subscriberPk("tokyo@example.com"), Keys.digestSk("2026-12-02")).orElseThrow().strings("insightIds");
        assertFalse(dec2.isEmpty());
        assertTrue(dec2.stream().noneMatch(dec1::contains), "nothing from the day before's edition again");
    }

    @Test
    void aNewSubscriberGetsTheNextDigestAndNothingOlder() {
        seed("ann@example.com");
        sender.send(SCHEDULE);
        subscribers.subscribe("new@example.com", "2026-11-30T12:00:00Z");
        DigestFixtures.seedDay(table, "2026-12-01");
        sender.send(Instant.parse("2026-12-01T07:00:00Z"));
        sender.send(Instant.parse("2026-12-01T07:00:00Z"));
        List<OutgoingMail> toNew = mailer.sent.stream().filter(m -> m.to().equals("new@example.com")).toList();
        assertEquals(1, toNew.size());
        assertEquals("2026-12-01", ParsedMime.parse(toNew.get(0).raw()).headers().get("X-Podcast-Insights-Day"));
    }

    @Test
    void topicsAndMutesShapeEachReadersFiveAndTheFooterNamesTheTopics() {
        seed("plain@example.com");
        subscribers.save(new Subscriber("picky@example.com", true, null, null, null, List.of("nothing-matches"),
                List.of("Podcast a")), "2026-11-01T00:00:00Z");
        sender.send(SCHEDULE);
        OutgoingMail plain = mailer.sent.stream().filter(m -> m.to().equals("plain@example.com")).findFirst().orElseThrow();
        OutgoingMail picky = mailer.sent.stream().filter(m -> m.to().equals("picky@example.com")).findFirst().orElseThrow();
        assertTrue(plain.text().contains("Podcast a — Episode a"));
        assertFalse(picky.text().contains("Podcast a — Episode a"), "muted show left out");
        assertTrue(picky.text().contains("Your topics: nothing-matches."));
        List<String> pickyIds = table.get(Keys.subscriberPk("picky@example.com"), Keys.digestSk(DAY)).orElseThrow().strings("insightIds");
        assertEquals(4, pickyIds.size(), "b and c have three insights each, at most two per episode: 4 left");
        assertTrue(pickyIds.stream().noneMatch(id -> id.startsWith("id-a-")));
    }

    @Test
    void aPersonalizedReaderGetsNothingTheirDigestsOfTheLast30DaysCarried() {
        seed();
        subscribers.save(new Subscriber("picky@example.com", true, null, null, null, List.of("nothing-matches"),
                List.of()), "2026-11-01T00:00:00Z");
        DigestLog log = new DigestLog(table);
        Instant then = Instant.parse("2026-11-10T07:00:00Z");
        log.markSent("picky@example.com", "2026-11-10", List.of("id-a-1", "id-b-1"), then, "m1", then);
        log.markSent("picky@example.com", "2026-10-30", List.of("id-c-1"), then, "m0", then);
        sender.send(SCHEDULE);
        List<String> ids = table.get(Keys.subscriberPk("picky@example.com"), Keys.digestSk(DAY)).orElseThrow().strings("insightIds");
        assertFalse(ids.contains("id-a-1"), "sent 20 days ago: " + ids);
        assertFalse(ids.contains("id-b-1"), "sent 20 days ago: " + ids);
        assertTrue(ids.contains("id-c-1"), "sent 31 days ago may come again: " + ids);
        assertEquals(java.util.Set.of("id-a-1", "id-b-1"), log.insightIdsBetween("picky@example.com", "2026-10-31", "2026-11-29"));
    }

    @Test
    void aReplayedScheduleSendsNoSecondEmail() {
        seed("ann@example.com", "bob@example.com");
        sender.send(SCHEDULE);
        DigestReport replay = sender.send(SCHEDULE);
        assertEquals(2, mailer.sent.size());
        assertEquals(0, replay.sent());
        assertEquals(2, replay.skipped());
    }

    @Test
    void theDayComesFromTheEventTimeInTheDigestZone() {
        Settings tokyo = new Settings("digest@podcast-insights.example", ZoneId.of("Asia/Tokyo"), 5, 5, 2);
        assertEquals("2026-12-01", DigestSender.dayOf(Instant.parse("2026-11-30T22:00:00Z"), tokyo));
        assertEquals("2026-11-30", DigestSender.dayOf(Instant.parse("2026-11-30T22:00:00Z"), settings));
    }

    @Test
    void oneFailingRecipientDoesNotStopTheOthersAndCanBeRetried() {
        seed("ann@example.com", "bob@example.com", "cat@example.com");
        mailer.rejecting.add("bob@example.com");
        DigestReport report = sender.send(SCHEDULE);
        assertEquals(2, report.sent());
        assertEquals(1, report.failed());
        assertTrue(table.get(Keys.subscriberPk("bob@example.com"), Keys.digestSk(DAY)).isEmpty(), "claim released");

        mailer.rejecting.clear();
        DigestReport retry = sender.send(SCHEDULE);
        assertEquals(1, retry.sent());
        assertEquals(2, retry.skipped());
        assertEquals(3, mailer.sent.size());
    }

    @Test
    void aRecipientTheMailServiceCannotTakeNowIsDeferredToTheRetryAndTheOthersStillGetTheirs() {
        seed("ann@example.com", "bob@example.com", "cat@example.com");
        mailer.unavailable.add("ann@example.com");
        DigestReport report = sender.send(SCHEDULE);
        assertEquals(2, report.sent(), "the ones after her are not blocked");
        assertEquals(1, report.deferred());
        assertEquals(0, report.failed());
        assertTrue(report.note().contains("1 not taken by the mail service"), report.note());
        assertTrue(table.get(Keys.subscriberPk("ann@example.com"), Keys.digestSk(DAY)).isEmpty(), "claim released");

        mailer.unavailable.clear();
        DigestReport retry = sender.send(SCHEDULE);
        assertEquals(1, retry.sent());
        assertEquals(2, retry.skipped());
        assertEquals(0, retry.deferred());
        assertEquals(List.of("ann@example.com", "bob@example.com", "cat@example.com"),
                mailer.sent.stream().map(OutgoingMail::to).sorted().toList(), "each exactly once");
    }

    @Test
    void aSendingLeftoverIsReportedUnconfirmedAndNotResent() {
        seed("ann@example.com");
        DigestLog log = new DigestLog(table);
        log.claim("ann@example.com", DAY, List.of("id-a-1"), clock.instant(), "died", clock.instant().plusSeconds(60));
        assertTrue(log.markSending("ann@example.com", DAY, List.of("id-a-1"), clock.instant(), "died"));
        DigestReport report = sender.send(SCHEDULE);
        assertEquals(1, report.unconfirmed());
        assertEquals(0, report.sent());
        assertTrue(mailer.sent.isEmpty());
    }

    @Test
    void noInsightsMeansNoEmail() {
        subscribers.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        DigestReport report = sender.send(SCHEDULE);
        assertEquals(0, report.sent());
        assertEquals(0, report.insights());
        assertNotNull(report.note());
        assertTrue(mailer.sent.isEmpty());
        assertTrue(table.ofType("Digest").isEmpty(), "nothing claimed, so a later run the same day can still send");
    }

    @Test
    void theDigestHasAtMostTwoPerEpisode() {
        seed("ann@example.com");
        sender.send(SCHEDULE);
        String text = mailer.sent.get(0).text();
        assertEquals(2, text.split("of a:", -1).length - 1, text);
        assertEquals(5, text.lines().filter(l -> l.matches("\\d\\. .*")).count(), text);
    }
}
