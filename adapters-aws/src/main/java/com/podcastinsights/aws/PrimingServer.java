package com.podcastinsights.aws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server for SnapStart priming, so that priming runs the real url-connection transport
 * (the SDK's {@code UrlConnectionHttpClient} and the JDK's {@code HttpURLConnection} writing a request and reading
 * a response) without reaching any AWS endpoint. It answers every request with the response queued by
 * {@link #answer}; one request per connection, closed after it ({@code Connection: close}), so no pooled
 * connection outlives priming into the snapshot. Head and body go out in one write with Nagle off: a client that
 * reads the body of a reply sent in two small writes waits for its own delayed ACK (~40 ms on Linux).
 */
final class PrimingServer implements AutoCloseable {
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private final ServerSocket socket;
    private final AtomicReference<Response> answer = new AtomicReference<>();

    PrimingServer() throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** What the next requests are answered with, until changed. */
    void answer(Response response) {
        answer.set(response);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                String head = readHead(in).toLowerCase(Locale.ROOT);
                if (head.contains("\nexpect: 100-continue")) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                drainBody(in, head);
                out.write(encode(answer.get()));
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) return; // priming is over
            }
        }
    }

    private static byte[] encode(Response r) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(r.status() < 300 ? " OK" : " Error")
                .append("\r\nContent-Length: ").append(r.body().length).append("\r\nConnection: close\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(h, h.length + r.body().length);
        System.arraycopy(r.body(), 0, all, h.length, r.body().length);
        return all;
    }

    /** The request line and headers (or a chunked body's trailers), up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) text.append(line).append('\n');
        return text.toString();
    }

    /** Reads the body the head announces (a length, or chunks), so the client's write never meets a closed socket. */
    private static void drainBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\n")) {
            if (line.startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                return;
            }
        }
        if (!head.contains("\ntransfer-encoding: chunked")) return;
        for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
            in.readNBytes(size + 2);
        }
        readHead(in); // trailers
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c == -1) return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            if (c != '\r') line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
