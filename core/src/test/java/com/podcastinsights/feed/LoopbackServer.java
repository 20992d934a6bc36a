package com.podcastinsights.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 with an ephemeral port, serving canned responses by path. Records each
 * request so tests can check the headers the client sent and count hits.
 */
public final class LoopbackServer implements AutoCloseable {
    /** What to answer for one path. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    public record Request(String path, Map<String, List<String>> headers) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().isEmpty() ? null : e.getValue().get(0);
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders())));
                Responder r = routes.get(exchange.getRequestURI().getPath());
                if (r == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    r.respond(exchange);
                }
            }
        });
        server.start();
    }

    public LoopbackServer route(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    public LoopbackServer content(String path, String contentType, byte[] body) {
        return route(path, ok(contentType, body));
    }

    public static Responder ok(String contentType, byte[] body) {
        return exchange -> send(exchange, 200, contentType, body);
    }

    public static Responder redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int hits(String path) {
        return (int) requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Counts calls to a responder, for tests that need to know whether a path was fetched. */
    public static Responder counting(AtomicInteger counter, Responder inner) {
        return exchange -> {
            counter.incrementAndGet();
            inner.respond(exchange);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
