package com.podcastinsights.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol (a WebSocket, JDK only): open a page,
 * fill and submit its forms as a person would, read what it shows, take screenshots. One fresh profile, no network
 * but loopback. Tests skip (with the reason) only when there is no chromium binary.
 */
final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Browser(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static Browser startOrSkip() throws Exception {
        String binary = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
        Assumptions.assumeTrue(binary != null, "no chromium found (/usr/bin/chromium): the reader web's browser test is "
                + "skipped; `make chromium` (apt-get install chromium) enables it");
        Path profile = Files.createTempDirectory("chromium-web");
        Process p = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1024,900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !p.isAlive()) throw new IllegalStateException("chromium did not start");
            Thread.sleep(50);
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String ws = null;
        for (JsonNode t : targets) if (t.path("type").asText().equals("page")) ws = t.path("webSocketDebuggerUrl").asText();
        if (ws == null) throw new IllegalStateException("chromium has no page: " + targets);
        Browser[] self = new Browser[1];
        StringBuilder frame = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                frame.append(data);
                if (last) {
                    self[0].receive(frame.toString());
                    frame.setLength(0);
                }
                s.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new Browser(p, profile, socket);
        self[0].call("Page.enable", JSON.createObjectNode());
        return self[0];
    }

    private void receive(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            CompletableFuture<JsonNode> f = m.has("id") ? pending.remove(m.path("id").asInt()) : null;
            if (f != null) f.complete(m);
        } catch (IOException ignored) {
            // not JSON: not ours
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) throw new IllegalStateException(method + ": " + r.path("error"));
        return r.path("result");
    }

    /** Evaluates {@code js} in the page (DevTools is not bound by the page's CSP) and returns its value. */
    JsonNode eval(String js) throws Exception {
        return call("Runtime.evaluate", JSON.createObjectNode().put("expression", js).put("returnByValue", true))
                .path("result").path("value");
    }

    void open(String url) throws Exception {
        eval("window.__old = true");
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        awaitNewPage();
    }

    /** Clicks the element (a submit button) and waits for the page it leads to. */
    void click(String selector) throws Exception {
        eval("window.__old = true");
        JsonNode found = eval("(function(){var b=document.querySelector(" + JSON.writeValueAsString(selector)
                + ");if(!b)return false;b.click();return true;})()");
        if (!found.asBoolean()) throw new IllegalStateException("no " + selector + " on " + url() + ": " + text());
        awaitNewPage();
    }

    /** Types into a field as a person would leave it: the value set, an input event fired. */
    void fill(String selector, String value) throws Exception {
        eval("(function(){var e=document.querySelector(" + JSON.writeValueAsString(selector) + ");e.value="
                + JSON.writeValueAsString(value) + ";e.dispatchEvent(new Event('input',{bubbles:true}));})()");
    }

    void check(String selector, boolean on) throws Exception {
        eval("document.querySelector(" + JSON.writeValueAsString(selector) + ").checked=" + on);
    }

    String value(String selector) throws Exception {
        return eval("document.querySelector(" + JSON.writeValueAsString(selector) + ").value").asText();
    }

    String text() throws Exception {
        return eval("document.body ? document.body.innerText : ''").asText();
    }

    String url() throws Exception {
        return eval("location.href").asText();
    }

    /** The page at {@code width} px, whole height, as PNG. */
    void screenshot(int width, Path png) throws Exception {
        int height = eval("document.documentElement.scrollHeight").asInt();
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", width < 500));
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
        call("Emulation.clearDeviceMetricsOverride", JSON.createObjectNode());
    }

    private void awaitNewPage() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (eval("window.__old === undefined && document.readyState === 'complete'").asBoolean()) return;
            } catch (IllegalStateException navigating) {
                // the old page's context is gone and the new one not there yet: ask again
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no new page within " + WAIT);
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(profile)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            all.forEach(f -> f.toFile().delete());
        }
    }
}
