package com.podcastinsights.cli;

import com.podcastinsights.ids.Sha256;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.temporal.ChronoUnit;

/**
 * Serves the bundled sample podcasts on 127.0.0.1 so that the local run exercises the same HTTP path
 * (content types, conditional GET) as real feeds, without the internet.
 *
 * <p>Feeds and the OPML carry {@code {{BASE}}} (this server's address) and {@code {{PUBDATE:n}}} (n times eight
 * hours before the current hour, UTC): dates are relative so that the samples always look recently published to a
 * fetcher that only announces episodes inside its freshness window (48 hours by default), in the order n gives.
 */
public final class SampleServer implements AutoCloseable {
    private static final String ROOT = "samples";
    private static final Pattern PUBDATE = Pattern.compile("\\{\\{PUBDATE:(\\d{1,3})}}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern PAGE = Pattern.compile("^/(episodes|shows)/([^/]+)$");

    private final LoopbackServer server;
    private final Clock clock;

    private SampleServer(LoopbackServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Starts on an ephemeral port. */
    public static SampleServer start(Clock clock) {
        return start(clock, 0);
    }

    /**
     * Starts on {@code preferredPort} when it is free, else on an ephemeral port. Feed ids derive from feed
     * URLs, so reusing the port of an earlier run is what lets a re-run on the same data recognise its feeds.
     */
    public static SampleServer start(Clock clock, int preferredPort) {
        try {
            SampleServer s = new SampleServer(
                    LoopbackServer.bind(preferredPort, true, Executors.newVirtualThreadPerTaskExecutor()), clock);
            s.server.start(s::handle);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sample server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return URI.create(base());
    }

    /** The rendered body of {@code path} as this server would send it, or empty when it serves nothing there. */
    public Optional<Response> content(String path) {
        if (path == null || path.contains("..") || path.contains("//") || path.contains("\\")) {
            return Optional.empty();
        }
        if (path.startsWith("/audio/") && path.endsWith(".mp3")) {
            return resource("/audio/silence.mp3").map(b -> new Response(b, "audio/mpeg"));
        }
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            String slug = page.group(2);
            if (!SLUG.matcher(slug).matches()) return Optional.empty();
            String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + slug + "</title></head>"
                    + "<body><h1>Sample " + ("episodes".equals(page.group(1)) ? "episode" : "show") + " page: "
                    + slug + "</h1><p>Served by the Podcast Insights local run.</p></body></html>";
            return Optional.of(new Response(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        }
        String type = contentType(path);
        if (type == null) return Optional.empty();
        Optional<byte[]> raw = resource(path);
        if (raw.isEmpty()) return Optional.empty();
        boolean templated = path.endsWith(".xml") || path.endsWith(".opml");
        return Optional.of(new Response(templated ? render(raw.get()) : raw.get(), type));
    }

    /** A body and its content type. */
    public record Response(byte[] body, String contentType) {
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Optional<Response> found = content(exchange.getRequestURI().getPath());
            if (found.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Response r = found.get();
            String etag = "\"" + Sha256.hex(r.body()).substring(0, 20) + "\"";
            Instant lastModified = lastModified();
            Headers h = exchange.getResponseHeaders();
            h.set("ETag", etag);
            h.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
            h.set("Cache-Control", "no-cache");
            if (notModified(exchange.getRequestHeaders(), etag, lastModified)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            h.set("Content-Type", r.contentType());
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, r.body().length);
            exchange.getResponseBody().write(r.body());
        }
    }

    /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
    static boolean notModified(Headers request, String etag, Instant lastModified) {
        String inm = request.getFirst("If-None-Match");
        if (inm != null) {
            for (String candidate : inm.split(",")) {
                String c = candidate.trim();
                if (c.startsWith("W/")) c = c.substring(2);
                if (c.equals("*") || c.equals(etag)) return true;
            }
            return false;
        }
        String ims = request.getFirst("If-Modified-Since");
        if (ims == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String base() {
        return "http://" + server.authority();
    }

    /** The rendered samples change once a day (relative publication dates), so they last changed at midnight. */
    private Instant lastModified() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private byte[] render(byte[] template) {
        String text = new String(template, StandardCharsets.UTF_8).replace("{{BASE}}", base());
        ZonedDateTime hour = clock.instant().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        Matcher m = PUBDATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            ZonedDateTime when = hour.minusHours(8L * Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(DateTimeFormatter.RFC_1123_DATE_TIME.format(when)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String contentType(String path) {
        if (path.equals("/feeds.opml")) return "text/x-opml; charset=utf-8";
        if (path.startsWith("/feeds/") && path.endsWith(".xml")) return "application/rss+xml; charset=utf-8";
        if (path.startsWith("/transcripts/")) {
            if (path.endsWith(".vtt")) return "text/vtt; charset=utf-8";
            if (path.endsWith(".srt")) return "application/x-subrip; charset=utf-8";
            if (path.endsWith(".json")) return "application/json";
        }
        return null;
    }

    private static Optional<byte[]> resource(String path) {
        try (InputStream in = SampleServer.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
