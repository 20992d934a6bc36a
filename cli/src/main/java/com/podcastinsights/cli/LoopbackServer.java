package com.podcastinsights.cli;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * An HTTP server bound to 127.0.0.1 only, for the CLI's local servers (the sample podcasts, the reader web): what
 * they serve is for this machine, and nothing outside it may reach them. Bound first, started with its handler
 * after, so a handler may ask the server its own address.
 */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        server.setExecutor(executor);
    }

    /**
     * Binds {@code port} (0: any free one); {@code orAnyPort}: any free port when {@code port} is taken, rather
     * than failing. {@code executor} runs the requests and is shut down on {@link #close()}.
     */
    static LoopbackServer bind(int port, boolean orAnyPort, ExecutorService executor) throws IOException {
        try {
            return new LoopbackServer(create(port, orAnyPort), executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    private static HttpServer create(int port, boolean orAnyPort) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            if (port == 0 || !orAnyPort) throw e;
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
    }

    /** Serves every path with {@code handler}. */
    void start(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:port}: the host a request to this server names. */
    String authority() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
