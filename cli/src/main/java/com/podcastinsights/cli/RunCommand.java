package com.podcastinsights.cli;

import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.http.Resolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code run}: the whole pipeline once, locally; prints the top five and the files it wrote. */
@Command(name = "run", description = {"Run the whole pipeline once, locally, and print the top five.",
                "Fetches feeds, stores transcripts, extracts insights and sends the digest to a local outbox"
                + " (.eml + .html), all in this process. Progress goes to stderr; the top five and the files"
                + " written go to stdout.",
                "Exits 1 when a stage failed or no digest was written, 2 on bad usage."})
public final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_SUBSCRIBER = "reader@example.com";

    @Spec
    CommandSpec spec;

    @Option(names = "--sample", description = "use the bundled sample podcasts, served on 127.0.0.1 (no internet needed)")
    boolean sample;

    @Option(names = "--feeds", paramLabel = "FILE.opml", description = "use the feeds of this OPML file, fetched over the internet")
    Path feedsFile;

    @Option(names = "--allow-loopback",
            description = "with --feeds: allow feeds on 127.0.0.1 (local testing only; private addresses stay refused)")
    boolean allowLoopback;

    @Option(names = "--to", paramLabel = "ADDRESS", defaultValue = DEFAULT_SUBSCRIBER,
            description = "the subscriber the digest is addressed to; default: ${DEFAULT-VALUE}")
    String to;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = LocalData.DEFAULT_DIR,
            description = "where the bucket, table and outbox go; re-running on the same dir is a replay; default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--json", description = "every event's JSON summary and log line on stderr, as they happen"
            + " (default: progress counts and a summary; the lines go to DIR/run.log)")
    boolean json;

    @Option(names = "--template", paramLabel = "FILE",
            description = "the SAM template whose event rules the local bus applies; default: template.yaml of the project")
    Path template;

    @Mixin
    NotForRun notForRun;

    /** How host names become addresses for the SSRF guard: DNS, except in tests that stand in for the internet. */
    private final Resolver resolver;

    public RunCommand() {
        this(Resolver.system());
    }

    RunCommand(Resolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> refused = notForRun.refusal();
        if (refused.isPresent()) {
            err.println(refused.get());
            return CommandLine.ExitCode.USAGE;
        }
        if (sample == (feedsFile != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose one of --sample or --feeds FILE.opml");
        }
        if (allowLoopback && sample) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--allow-loopback is for --feeds; --sample always serves its feeds on 127.0.0.1");
        }
        try {
            SubscriberRepository.normalize(to);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to: " + e.getMessage());
        }
        List<OpmlReader.Subscription> feeds = List.of();
        if (feedsFile != null) {
            if (!Files.exists(feedsFile)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--feeds: no such file: " + feedsFile);
            }
            OpmlReader.Parsed parsed = OpmlReader.readAll(feedsFile);
            for (String bad : parsed.rejected()) err.println("warning: not used: " + bad);
            feeds = parsed.feeds();
            if (feeds.isEmpty()) {
                err.println("error: " + feedsFile + " lists no feeds (no outline with an xmlUrl)");
                return CommandLine.ExitCode.SOFTWARE;
            }
        }

        LocalPipeline pipeline = new LocalPipeline(TemplateLocator.find(template), Clock.systemUTC(), err, resolver)
                .detailed(json);
        LocalPipeline.Result result = sample ? pipeline.runSample(out, to)
                : pipeline.runFeeds(out, to, feeds, allowLoopback);
        return report(result);
    }

    private int report(LocalPipeline.Result r) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        stdout.println();
        stdout.println(ResultPrinter.topFive(r));
        stdout.print(ResultPrinter.files(r));
        stdout.flush();
        if (!r.failures().isEmpty()) {
            err.println("error: " + r.failures().size() + " event deliveries failed (see the FAILED lines above): "
                    + String.join(", ", r.failures()));
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (!r.digestWritten()) {
            boolean sentEarlier = r.outbox().stream().anyMatch(p -> p.toString().endsWith(".eml"));
            if (sentEarlier && !r.topFive().isEmpty()) {
                err.println("no new email: the digest for " + r.day() + " was already sent from " + out
                        + " (a re-run is a replay and sends nothing twice; use a fresh --out for a new run)");
                return CommandLine.ExitCode.OK;
            }
            err.println("error: no digest was written" + (r.topFive().isEmpty()
                    ? ": no insights for " + r.day() + (sentEarlier ? " (everything in " + out
                    + " was processed earlier; use a fresh --out)" : "")
                    : ""));
            return CommandLine.ExitCode.SOFTWARE;
        }
        return CommandLine.ExitCode.OK;
    }
}
