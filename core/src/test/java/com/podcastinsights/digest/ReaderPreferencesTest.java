package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.insight.Insight;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the reader web changes reaches the digest: a pause, feedback weights, the links in the email. */
class ReaderPreferencesTest {
    private final Instant at = Instant.parse("2026-11-30T07:00:00Z");
    private final InMemoryTable table = new InMemoryTable();
    private final SubscriberRepository repo = new SubscriberRepository(table);

    @Test
    void aPausedReaderGetsNoDigestUntilThePauseEnds() {
        DigestFixtures.seedDay(table, "2026-11-30");
        repo.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        repo.pause("ann@example.com", "2026-12-01T00:00:00Z");
        List<com.podcastinsights.port.OutgoingMail> sent = new java.util.ArrayList<>();
        DigestSender sender = new DigestSender(table, m -> { sent.add(m); return "id"; }, Clock.fixed(at, ZoneOffset.UTC), Settings.defaults());
        DigestReport first = sender.send(at);
        assertEquals(0, first.sent(), first.toString());
        assertEquals(1, first.notDue(), "paused: " + first);
        repo.save(new Subscriber("ann@example.com", true, null, null, 7, List.of("k"), List.of()), at.toString());
        assertEquals("2026-12-01T00:00:00Z", repo.subscription("ann@example.com").orElseThrow().pausedUntil(),
                "a change of preferences keeps the pause");
        // the next day's edition draws on the day before's insights too
        assertEquals(1, sender.send(Instant.parse("2026-12-01T07:00:00Z")).sent());
    }

    @Test
    void notForMeOnAShowPushesItsInsightsDown() {
        Insight a = DigestFixtures.insight("a", 1, 0.90, "2026-11-30"), b = DigestFixtures.insight("b", 1, 0.85, "2026-11-30");
        DailySelection.Edition edition = new DailySelection.Edition("2026-11-30", List.of(a, b), List.of(a, b));
        Subscriber plain = new Subscriber("ann@example.com", true, null, null, null, List.of("x"), List.of());
        Personalizer p = new Personalizer(1, 2);
        assertEquals(List.of(a), p.choose(edition, plain));
        Subscriber voted = plain.withWeights(plain.weights().shifted(a.podcastTitle(), List.of(), -1));
        assertEquals(List.of(b), p.choose(edition, voted), "after 'not for me' on " + a.podcastTitle());
    }

    @Test
    void aVoteCountsOnceAndAChangedMindReplacesIt() {
        InMemoryTable t = new InMemoryTable();
        new SubscriberRepository(t).subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        Insight a = DigestFixtures.insight("a", 1, 0.90, "2026-11-30");
        ReaderFeedback f = new ReaderFeedback(t);
        f.record("ann@example.com", a, ReaderFeedback.Verdict.USEFUL, "2026-11-30T08:00:00Z");
        f.record("ann@example.com", a, ReaderFeedback.Verdict.USEFUL, "2026-11-30T08:01:00Z");
        assertEquals(1.25, new SubscriberRepository(t).find("ann@example.com").orElseThrow().weights().show(a.podcastTitle()));
        f.record("ann@example.com", a, ReaderFeedback.Verdict.NOT_FOR_ME, "2026-11-30T08:02:00Z");
        assertEquals(0.75, new SubscriberRepository(t).find("ann@example.com").orElseThrow().weights().show(a.podcastTitle()));
    }

    @Test
    void eachInsightCarriesFeedbackLinksAndTheFooterThePreferencesLink() {
        List<Insight> five = DigestFixtures.seedDay(table, "2026-11-30").subList(0, 2);
        ReaderLinks links = new ReaderLinks("https://web.example/", new WebToken(() -> UnsubscribeKeys.single(UnsubscribeToken.randomKey())));
        RenderedDigest d = new DigestRenderer().render("2026-11-30", five,
                DigestRenderer.Footer.none(), java.util.Map.of(), links.forDigest("ann@example.com", 3, "2026-11-30", five, at));
        for (String part : List.of(d.html(), d.text())) {
            assertEquals(4, part.split("https://web.example/feedback\\?token=w1\\.feedback\\.", -1).length - 1, "two links per insight: " + part);
            assertTrue(part.contains("https://web.example/archive/2026-11-30"), part);
            assertTrue(part.contains("https://web.example/preferences?token=w1.preferences."), part);
            assertFalse(part.toLowerCase().contains("reply"), "nothing promises that replies are read");
        }
    }
}
