package com.podcastinsights.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.json.Json;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.Locale;

/**
 * The reader web on 127.0.0.1: each request becomes the Function URL event Lambda would get (payload format 2.0)
 * and goes to the same handler ({@code ReaderWebHandler}), so a person or a browser test clicks through exactly
 * what is deployed. Loopback only: the pages change readers' data, and nothing outside this machine may reach them.
 */
public final class LocalWebServer implements AutoCloseable {
    /** A little above the handler's own form cap, so the handler (not this server) answers an oversized body. */
    static final int MAX_BODY = 32 * 1024;
    private final LoopbackServer server;

    private LocalWebServer(LoopbackServer server) {
        this.server = server;
    }

    /** {@code port} 0: any free one. */
    public static LocalWebServer start(RequestStreamHandler handler, int port) throws IOException {
        LoopbackServer server = LoopbackServer.bind(port, false, Executors.newFixedThreadPool(2));
        server.start(x -> serve(handler, server.authority(), x));
        return new LocalWebServer(server);
    }

    public String base() {
        return "http://" + server.authority() + "/";
    }

    private static void serve(RequestStreamHandler handler, String authority, HttpExchange x) throws IOException {
        try (x) {
            byte[] body = readCapped(x.getRequestBody());
            ObjectNode event = Json.MAPPER.createObjectNode();
            event.put("version", "2.0");
            event.put("rawPath", x.getRequestURI().getRawPath());
            event.put("rawQueryString", x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery());
            ObjectNode headers = event.putObject("headers");
            x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            headers.put("x-forwarded-proto", "http");
            ObjectNode context = event.putObject("requestContext");
            context.put("domainName", authority);
            context.putObject("http").put("method", x.getRequestMethod())
                    .put("sourceIp", x.getRemoteAddress().getAddress().getHostAddress());
            event.put("body", new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
            JsonNode response = Json.MAPPER.readTree(out.toByteArray());
            response.path("headers").fields().forEachRemaining(h -> x.getResponseHeaders().set(h.getKey(), h.getValue().asText()));
            byte[] page = response.path("body").asText("").getBytes(StandardCharsets.UTF_8);
            boolean head = "HEAD".equalsIgnoreCase(x.getRequestMethod());
            x.sendResponseHeaders(response.path("statusCode").asInt(500), head ? -1 : page.length);
            if (!head) x.getResponseBody().write(page);
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? new byte[MAX_BODY + 1] : b; // the handler refuses it as too large
    }

    @Override
    public void close() {
        server.close();
    }
}
