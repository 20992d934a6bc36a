package com.podcastinsights.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();
    private SampleServer server;

    @BeforeEach
    void start() {
        server = SampleServer.start(CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        // URI.create keeps the path as given (no dot-segment removal), so traversal attempts reach the server
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesAFeedWithItsAddressAndRelativeDatesFilledIn() throws Exception {
        HttpResponse<String> r = get("/feeds/compute-frontier.xml");
        assertEquals(200, r.statusCode());
        assertEquals("application/rss+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(r.body().contains("{{"), "placeholders left in the feed");
        assertTrue(r.body().contains("url=\"" + server.baseUri() + "/transcripts/cf-001.vtt\""));
        assertTrue(r.body().contains("<pubDate>Sun, 29 Nov 2026 22:00:00 GMT</pubDate>"), "PUBDATE:1 is eight hours ago");
        assertTrue(server.baseUri().toString().startsWith("http://127.0.0.1:"));
    }

    @Test
    void answersAMatchingConditionalGetWith304() throws Exception {
        HttpResponse<String> first = get("/feeds/well-rested.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byEtag = get("/feeds/well-rested.xml", "If-None-Match", etag);
        assertEquals(304, byEtag.statusCode());
        assertEquals("", byEtag.body());
        assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow());

        assertEquals(304, get("/feeds/well-rested.xml", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, get("/feeds/well-rested.xml", "If-None-Match", "\"something-else\"").statusCode());
        assertEquals(200, get("/feeds/well-rested.xml", "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode());
        // the ETag wins when both are sent and it does not match
        assertEquals(200, get("/feeds/well-rested.xml", "If-None-Match", "\"other\"",
                "If-Modified-Since", lastModified).statusCode());
    }

    @Test
    void etagsDifferBetweenDocuments() throws Exception {
        assertFalse(get("/feeds/well-rested.xml").headers().firstValue("ETag").orElseThrow()
                .equals(get("/feeds/grid-and-ground.xml").headers().firstValue("ETag").orElseThrow()));
    }

    @Test
    void servesEachTranscriptFormatWithItsContentType() throws Exception {
        assertEquals("text/vtt; charset=utf-8", get("/transcripts/cf-001.vtt").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/x-subrip; charset=utf-8", get("/transcripts/cf-002.srt").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json", get("/transcripts/gg-001.json").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("audio/mpeg", get("/audio/cf-001.mp3").headers().firstValue("Content-Type").orElseThrow());
        assertTrue(get("/transcripts/wr-001.vtt").body().startsWith("WEBVTT"));
    }

    @Test
    void refusesUnknownPathsTraversalAndWrites() throws Exception {
        assertEquals(404, get("/nothing-here.xml").statusCode());
        assertEquals(404, get("/transcripts/../feeds.opml").statusCode());
        assertEquals(404, get("/episodes/NOT_A_SLUG!").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/feeds.opml"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void theBundledOpmlListsEverySampleShowAtThisServer() {
        byte[] opml = server.content("/feeds.opml").orElseThrow().body();
        List<OpmlReader.Subscription> feeds = OpmlReader.read(new ByteArrayInputStream(opml), "feeds.opml");
        assertEquals(3, feeds.size());
        for (OpmlReader.Subscription f : feeds) {
            assertTrue(f.url().startsWith(server.baseUri() + "/feeds/"), f.url());
            assertTrue(server.content(URI.create(f.url()).getPath()).isPresent(), "feed not served: " + f.url());
        }
    }
}
