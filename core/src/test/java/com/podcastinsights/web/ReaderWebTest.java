package com.podcastinsights.web;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestFixtures;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.digest.WebToken;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.stage.ReaderWebStage;
import com.podcastinsights.stage.UnsubscribeStage;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The reader web's rules on an in-memory table: what a page reveals, who may post, what is escaped. */
class ReaderWebTest {
    private static final String BASE = "https://web.example/";
    private static final UnsubscribeKeys KEYS = UnsubscribeKeys.single("reader-web-test-key-reader-web-test-key-01".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final InMemoryTable table = new InMemoryTable();
    private final List<OutgoingMail> sent = new ArrayList<>();
    private final WebToken tokens = new WebToken(() -> KEYS);
    private final ReaderWeb web = ReaderWebStage.build(ReaderWebStage.Config.local(Settings.defaults()), table,
            m -> { sent.add(m); return "id"; }, UnsubscribeStage.build(table, KEYS, Clock.fixed(now, ZoneOffset.UTC)),
            Clock.fixed(now, ZoneOffset.UTC));

    private WebResponse call(String method, String path, Map<String, String> params, String origin) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, List.of(v)));
        return web.handle(new WebRequest(method, path, method.equals("GET") ? form : Map.of(), method.equals("GET") ? Map.of() : form,
                BASE, "192.0.2.1", origin));
    }

    private Map<String, String> signUpForm(String email) {
        return Map.of("form-token", tokens.issue(WebToken.Purpose.FORM, now.plusSeconds(600)), "email", email,
                "time-zone", "", "send-hour", "7");
    }

    @Test
    void theSignUpPageReadsTheSameForANewAndAnActiveAddress() {
        new SubscriberRepository(table).subscribe("known@example.com", "2026-11-01T00:00:00Z");
        String known = call("POST", "/subscribe", signUpForm("known@example.com"), null).body();
        String fresh = call("POST", "/subscribe", signUpForm("fresh@example.com"), null).body();
        assertEquals(known.replace("known@", "X@"), fresh.replace("fresh@", "X@"));
    }

    @Test
    void aPostFromAnotherSiteIsRefusedBeforeAnythingHappens() {
        WebResponse r = call("POST", "/subscribe", signUpForm("ann@example.com"), "https://evil.example");
        assertEquals(403, r.status());
        assertTrue(sent.isEmpty());
        assertEquals(200, call("POST", "/subscribe", signUpForm("ann@example.com"), "https://web.example").status());
        assertEquals(1, sent.size());
    }

    @Test
    void aSignUpWithoutTheFormsTokenSendsNothing() {
        Map<String, String> form = new LinkedHashMap<>(signUpForm("ann@example.com"));
        form.put("form-token", "w1.form..0.0.x");
        assertEquals(400, call("POST", "/subscribe", form, null).status());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aShowTitleWithMarkupIsEscapedOnThePreferencesPage() {
        new FeedRepository(table).save(new Feed("f1", "https://f.example/rss", "<script>alert(1)</script>", null, null, null, 0, null));
        new SubscriberRepository(table).subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        long gen = new SubscriberRepository(table).subscription("ann@example.com").orElseThrow().generation();
        String t = tokens.issue(WebToken.Purpose.PREFERENCES, now.plusSeconds(600), "ann@example.com", Long.toString(gen));
        String page = call("GET", "/preferences", Map.of("token", t), null).body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script>alert"), page);
    }

    @Test
    void aPreferencesLinkOfAnEarlierSubscriptionOpensNothing() {
        SubscriberRepository repo = new SubscriberRepository(table);
        repo.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        long old = repo.subscription("ann@example.com").orElseThrow().generation();
        repo.unsubscribe("ann@example.com", "2026-11-02T00:00:00Z");
        repo.subscribe("ann@example.com", "2026-11-03T00:00:00Z");
        String t = tokens.issue(WebToken.Purpose.PREFERENCES, now.plusSeconds(600), "ann@example.com", Long.toString(old));
        assertEquals(410, call("GET", "/preferences", Map.of("token", t), null).status());
        assertEquals(410, call("POST", "/preferences", Map.of("token", t, "send-hour", "3"), null).status());
        assertNull(repo.find("ann@example.com").orElseThrow().sendHour(), "nothing changed");
    }

    @Test
    void theArchiveShowsOnlyStoredEditionsAndTheAtomFeedEscapesFeedText() {
        assertEquals(404, call("GET", "/archive/2026-11-30", Map.of(), null).status());
        DigestFixtures.seedDay(table, "2026-11-30");
        new com.podcastinsights.digest.DailySelection(new com.podcastinsights.insight.InsightRepository(table), table,
                Settings.defaults()).edition("2026-11-30", now);
        assertEquals(200, call("GET", "/archive/2026-11-30", Map.of(), null).status());
        assertEquals(404, call("GET", "/archive/../../etc", Map.of(), null).status());
        WebResponse atom = call("GET", "/archive.atom", Map.of(), null);
        assertTrue(atom.body().contains("<entry><title>Podcast Insights, 2026-11-30</title>"), atom.body());
        assertFalse(atom.body().contains("<div"), "the entry's HTML is text in the feed: " + atom.body());
    }

    @Test
    void otherMethodsAreRefused() {
        assertEquals(405, call("DELETE", "/subscribe", Map.of(), null).status());
        assertEquals(404, call("GET", "/nothing", Map.of(), null).status());
        assertEquals("text/css; charset=utf-8", call("GET", "/style.css", Map.of(), null).contentType());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
