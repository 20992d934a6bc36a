package com.podcastinsights.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * The feed host of the poll benchmarks: {@code /feed/N.xml} on loopback, with an ETag per feed revision and a
 * 304 for a matching If-None-Match. Without nodelay the JDK server holds each 200 about 40 ms (Nagle against the
 * client's delayed ACK), which made every unconditional poll look 7x slower than it is; production hosts do not.
 */
final class LoopbackFeeds implements AutoCloseable {
    /** What the benchmark counts: a 304, or a 200 of so many bytes. */
    interface Served {
        void served(boolean full, int bytes);
    }

    private final HttpServer server;

    LoopbackFeeds(IntFunction<String> revision, IntFunction<byte[]> body, Served served) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath(); // /feed/N.xml
                int n = Integer.parseInt(path.substring(6, path.length() - 4));
                String etag = "\"r" + revision.apply(n) + "\"";
                ex.getResponseHeaders().add("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    served.served(false, 0);
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] b = body.apply(n);
                served.served(true, b.length);
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            }
        });
        server.start();
    }

    /** The URL of feed {@code n}. */
    String url(int n) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + n + ".xml";
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
