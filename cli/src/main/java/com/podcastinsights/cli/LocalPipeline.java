package com.podcastinsights.cli;

import com.podcastinsights.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DailySelection;
import com.podcastinsights.digest.DigestLog;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.UnsubscribeLinks;
import com.podcastinsights.stage.SendDigestStage;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.function.SendDigestHandler;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.Resolver;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.local.EventHandler;
import com.podcastinsights.local.FileBlobStore;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.local.InProcessEventBus;
import com.podcastinsights.local.OutboxMailer;
import com.podcastinsights.local.Route;
import com.podcastinsights.local.TemplateRoutes;
import com.podcastinsights.port.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.ArrayList;

/**
 * The whole pipeline in one process: the pipeline's Lambda handlers (built by {@link LocalStages}), wired to
 * file-backed stand-ins for S3, DynamoDB and SES, and to an in-process bus that routes events by template.yaml's
 * rules. The stages run
 * in the order the schedules would run them: FetchFeeds, then every event the bus holds, then SendDigest.
 *
 * <p>Layout of the out dir: {@code bucket/} (same keys as the S3 bucket), {@code table/}, {@code outbox/}.
 */
public final class LocalPipeline {
    /** Remembers the sample server's port, so that a re-run on the same dir sees the same feed URLs. */
    static final String SAMPLE_PORT_FILE = "sample-server.port";

    private final Path template;
    private final Clock clock;
    private final RunProgress progress;
    private final Resolver resolver;

    public LocalPipeline(Path template, Clock clock, PrintWriter progress) {
        this(template, clock, progress, Resolver.system());
    }

    /** {@code resolver}: host names to addresses for the SSRF guard (tests stand in for DNS with it). */
    public LocalPipeline(Path template, Clock clock, PrintWriter progress, Resolver resolver) {
        this.template = template;
        this.clock = clock;
        this.progress = new RunProgress(progress);
        this.resolver = resolver;
    }

    /** {@code false}: counts and a summary on the progress stream, the per-event lines in {@code <out>/run.log}. */
    public LocalPipeline detailed(boolean all) {
        progress.detailed(all);
        return this;
    }

    /** What a run did. {@code written} are the outbox files this run created; {@code outbox} all of them. */
    public record Result(Path out, String day, String subscriber, List<DigestLine> topFive, List<Path> written,
                         List<Path> outbox, int deliveries, List<String> failures, List<Recipient> recipients) {
        public boolean digestWritten() {
            return written.stream().anyMatch(p -> p.toString().endsWith(".eml"));
        }
    }

    /** Runs on the bundled sample podcasts, served on loopback. */
    public Result runSample(Path out, String subscriber) throws IOException {
        Files.createDirectories(out);
        int port = previousSamplePort(out);
        try (SampleServer server = SampleServer.start(clock, port)) {
            if (port != 0 && server.port() != port) {
                progress.step("sample server: port " + port + " of the earlier run is taken; feeds get new URLs,"
                        + " so this run treats them as new feeds");
            }
            Files.writeString(out.resolve(SAMPLE_PORT_FILE), Integer.toString(server.port()));
            progress.step("sample server: serving the bundled podcasts at " + server.baseUri());
            byte[] opml = server.content("/feeds.opml").orElseThrow().body();
            List<OpmlReader.Subscription> feeds = OpmlReader.read(new ByteArrayInputStream(opml), "samples/feeds.opml");
            return run(out, subscriber, feeds, HttpPolicy.local());
        }
    }

    /** Runs on real feeds over the internet, with the production HTTP policy (no loopback or private hosts). */
    public Result runFeeds(Path out, String subscriber, List<OpmlReader.Subscription> feeds) throws IOException {
        return runFeeds(out, subscriber, feeds, false);
    }

    /**
     * As {@link #runFeeds(Path, String, List)}; {@code allowLoopback} also lets feeds (and the links in them) be
     * fetched from 127.0.0.1, for feeds served locally in tests. Private and link-local addresses stay refused.
     */
    public Result runFeeds(Path out, String subscriber, List<OpmlReader.Subscription> feeds, boolean allowLoopback)
            throws IOException {
        Files.createDirectories(out);
        HttpPolicy production = HttpPolicy.production();
        return run(out, subscriber, feeds, allowLoopback ? new HttpPolicy(true, production.maxBytes(),
                production.timeout(), production.maxRedirects(), production.userAgent()) : production);
    }

    private Result run(Path out, String subscriber, List<OpmlReader.Subscription> feeds, HttpPolicy policy)
            throws IOException {
        return progress.run(out.resolve("run.log"), () -> runLogged(out, subscriber, feeds, policy));
    }

    private Result runLogged(Path out, String subscriber, List<OpmlReader.Subscription> feeds, HttpPolicy policy)
            throws IOException {
        Instant now = clock.instant();
        Settings settings = Settings.defaults();
        String day = LocalDate.ofInstant(now, settings.digestZone()).toString();
        List<Route> routes = loadRoutes();
        progress.step("routes: " + routes.size() + " rules from " + template);

        Table table = new FileTable(out.resolve("table"));
        Path outbox = out.resolve("outbox");
        Deliveries deliveries = new Deliveries();
        // The bus needs handlers, and handlers need the bus (to publish): the adapters are looked up on
        // first delivery, after both exist.
        AtomicReference<LocalPorts> adapters = new AtomicReference<>();
        InProcessEventBus bus = new InProcessEventBus(routes, target -> {
            String handler = handlerOf(routes, target);
            return deliveries.track(handler, Handlers.forClass(handler), adapters::get);
        }, clock);
        adapters.set(new LocalPorts(new FileBlobStore(out.resolve("bucket")), table, new OutboxMailer(outbox), bus,
                new SafeHttpClient(policy, resolver), clock, settings));

        FeedRepository feedRepo = new FeedRepository(table);
        int added = 0;
        for (OpmlReader.Subscription f : feeds) {
            if (feedRepo.add(f.url(), f.title())) added++;
        }
        progress.step("feeds: " + feedRepo.list().size() + " subscribed (" + added + " new)");
        String to = SubscriberRepository.normalize(subscriber);
        new SubscriberRepository(table).subscribe(to, now.toString());
        progress.step("subscriber: " + to);

        progress.step("FetchFeeds: fetching every subscribed feed");
        JsonNode fetched = invoke(FetchFeedsHandler.class.getName(), adapters.get(), ScheduledEvent.json(now, "fetch-feeds"));
        progress.fetched(fetched.path("feeds").asInt(), fetched.path("announced").asInt());

        progress.step("bus: delivering events (FetchTranscript, ExtractInsights) by template.yaml's rules");
        bus.drain();
        progress.step("bus: " + deliveries.delivered() + " deliveries ok, " + deliveries.failures().size() + " failed");

        Set<Path> before = listFiles(outbox);
        progress.step("SendDigest: the top " + settings.digestSize() + " of " + day + " for every subscriber");
        invoke(SendDigestHandler.class.getName(), adapters.get(), ScheduledEvent.json(now, "send-digest"));
        Set<Path> after = listFiles(outbox);
        List<Path> written = after.stream().filter(p -> !before.contains(p)).sorted().toList();

        // the edition SendDigest stored for the day: exactly what the email holds
        List<DigestLine> topFive = new DailySelection(new InsightRepository(table), table, settings)
                .forDay(day, now).stream().map(DigestLine::of).toList();
        return new Result(out, day, to, topFive, written, after.stream().sorted().toList(), deliveries.delivered(),
                deliveries.failures(), recipients(table, settings, now, written, topFive.isEmpty()));
    }

    /** One active subscriber and what this run's SendDigest did for them: {@code mail} null when it wrote none. */
    public record Recipient(String email, Path mail, String why) {
    }

    /** Who got mail from this run, and for everyone else why not (not their hour, sent earlier, no insights). */
    private List<Recipient> recipients(Table table, Settings settings, Instant now, List<Path> written, boolean noInsights) {
        DigestSender sender = SendDigestStage.build(SendDigestStage.Config.local(settings), table, mail -> "", clock,
                UnsubscribeLinks.local());
        DigestLog log = new DigestLog(table);
        List<Recipient> out = new ArrayList<>();
        for (Subscription s : new SubscriberRepository(table).activeSubscriptions()) {
            Subscriber reader = s.subscriber();
            String folder = OutboxMailer.folderFor(reader.email());
            Path mail = written.stream().filter(p -> p.toString().endsWith(".eml") && p.getParent() != null
                    && p.getParent().getFileName().toString().equals(folder)).findFirst().orElse(null);
            String readerDay = sender.readerDay(reader, now);
            String why = mail != null ? null : sender.notDue(reader, now).map(r -> "not due: " + r).orElseGet(() ->
                    log.status(reader.email(), readerDay).isPresent()
                            ? "already sent for " + readerDay + " by an earlier run"
                            : noInsights ? "no insights for " + readerDay
                            : "not sent (see the SendDigest line above)");
            out.add(new Recipient(reader.email(), mail, why));
        }
        return out;
    }

    /** The bus names a target by handler class; a function name from the template is mapped to its handler too. */
    static String handlerOf(List<Route> routes, String target) {
        for (Route r : routes) {
            if (r.functionName().equals(target)) return r.handlerClass();
        }
        return target;
    }

    private List<Route> loadRoutes() {
        try {
            return TemplateRoutes.load(template);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the event rules of " + template + ": " + e.getMessage(), e);
        }
    }

    /** Calls a handler the way Lambda does (event in, JSON summary out) and shows the summary. */
    private JsonNode invoke(String handler, LocalPorts adapters, String eventJson) {
        String name = Handlers.functionName(handler);
        try {
            String summary = call(Handlers.forClass(handler).apply(adapters), name, eventJson);
            progress.detail("  " + name + " done: " + abbreviate(summary, 240));
            try {
                // the whole answer: an abbreviated one would not parse once a summary grows past the line
                return Json.MAPPER.readTree(summary);
            } catch (IOException notJson) {
                return Json.MAPPER.createObjectNode();
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
        }
    }

    private String call(RequestStreamHandler handler, String name, String eventJson) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext(name, progress.details()));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    /**
     * Counts bus deliveries per event and handler. A delivery counts as failed only if its last attempt
     * failed, so a retry that succeeds is not reported as a failure.
     */
    private final class Deliveries {
        private final Map<String, Boolean> lastOutcome = new ConcurrentHashMap<>();
        private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

        EventHandler track(String handlerClass, Function<LocalPorts, RequestStreamHandler> factory,
                           Supplier<LocalPorts> adapters) {
            String name = Handlers.functionName(handlerClass);
            return eventJson -> {
                JsonNode event = Json.MAPPER.readTree(eventJson);
                String key = event.path("id").asText() + " -> " + name;
                String what = describe(event);
                try {
                    RequestStreamHandler handler = handlers.computeIfAbsent(handlerClass, c -> factory.apply(adapters.get()));
                    String summary = abbreviate(call(handler, name, eventJson), 240);
                    lastOutcome.put(key, true);
                    progress.detail("  " + name + " <- " + what + ": " + summary);
                    progress.delivered(name);
                } catch (Exception e) {
                    lastOutcome.put(key, false);
                    progress.step("  " + name + " <- " + what + ": FAILED: " + e.getMessage());
                    throw e;
                }
            };
        }

        int delivered() {
            return (int) lastOutcome.values().stream().filter(ok -> ok).count();
        }

        List<String> failures() {
            return lastOutcome.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().toList();
        }
    }

    private static String describe(JsonNode event) {
        JsonNode d = event.path("detail");
        String title = d.path("episodeTitle").asText("");
        String podcast = d.path("podcastTitle").asText("");
        String subject = !title.isEmpty() ? podcast + " / " + title : d.path("episodeId").asText("");
        return event.path("detail-type").asText("event") + (subject.isEmpty() ? "" : " (" + subject + ")");
    }

    private static int previousSamplePort(Path out) {
        Path file = out.resolve(SAMPLE_PORT_FILE);
        try {
            if (!Files.isRegularFile(file)) return 0;
            int port = Integer.parseInt(Files.readString(file).trim());
            return port > 0 && port < 65536 ? port : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static Set<Path> listFiles(Path dir) {
        if (!Files.isDirectory(dir)) return Set.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return new HashSet<>(s.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
