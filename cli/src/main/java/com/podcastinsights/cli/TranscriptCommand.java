package com.podcastinsights.cli;

import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.HttpResult;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.transcript.ParsedTranscript;
import com.podcastinsights.transcript.TranscriptParsers;
import com.podcastinsights.transcript.TranscriptStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code transcript inspect}: reads one transcript as the pipeline would and shows what came out. */
@Command(name = "transcript", description = "Check how a transcript reads.",
        subcommands = {TranscriptCommand.Inspect.class})
public final class TranscriptCommand extends CommandGroup {
    @Command(name = "inspect", description = {"Read a transcript file or URL (any supported format: Podcasting 2.0 JSON, WebVTT, SRT, "
                    + "HTML, plain text) into the normalized model and print it with its stats.",
                    "URLs are fetched like the pipeline fetches them: public http(s) addresses only, size cap, "
                            + "timeouts, gzip. See docs/transcript-json.md."})
    public static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "URL|FILE", description = "an http(s) URL or a local file")
        String source;
        @Option(names = "--type", paramLabel = "T",
                description = "declared type, as a feed's podcast:transcript type would say it (text/vtt, "
                        + "application/x-subrip, application/json, text/html, text/plain) or json|vtt|srt|html|text; "
                        + "the content still wins when it plainly says otherwise")
        String type;
        @Option(names = "--json", description = "print the normalized transcript as JSON (default: a summary)")
        boolean json;
        @Option(names = "--allow-loopback", hidden = true,
                description = "also fetch from 127.0.0.1 (tests and local sample servers only)")
        boolean allowLoopback;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Read read = read();
            ParsedTranscript parsed = TranscriptParsers.parse(read.body, read.declared);
            TranscriptStats stats = TranscriptStats.of(parsed.segments());
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(toJson(read, parsed, stats)));
            } else {
                out.printf("%s: %s, %d segments, %d words, %d speaker%s%s, %s%n", source, parsed.source(),
                        stats.segments(), stats.words(), stats.speakers().size(), stats.speakers().size() == 1 ? "" : "s",
                        stats.speakers().isEmpty() ? "" : " (" + String.join(", ", stats.speakers()) + ")",
                        stats.timed() ? "reaches " + clock(stats.durationSeconds()) : "no timing");
                parsed.segments().stream().limit(5).forEach(s -> out.printf("  [%s] %s%s%n", clock(s.start()),
                        s.speaker() == null ? "" : s.speaker() + ": ", s.text().length() > 100
                                ? s.text().substring(0, 100) + "..." : s.text()));
                if (parsed.segments().size() > 5) out.println("  ... (--json prints every segment)");
            }
            if (parsed.isEmpty()) {
                spec.commandLine().getErr().println("error: no text found in " + source);
                return 1;
            }
            return 0;
        }

        private record Read(byte[] body, String declared, String contentType) {
        }

        private Read read() throws IOException {
            String s = source.trim();
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                HttpPolicy p = HttpPolicy.production();
                SafeHttpClient http = new SafeHttpClient(allowLoopback
                        ? new HttpPolicy(true, p.maxBytes(), p.timeout(), p.maxRedirects(), p.userAgent()) : p);
                HttpResult r = http.get(URI.create(s), null, null);
                return new Read(r.body(), type != null ? type : r.contentType(), r.contentType());
            }
            Path file = Path.of(s);
            if (!Files.exists(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an http(s) URL or a file: " + source);
            }
            byte[] body = InputFiles.read(file, HttpPolicy.production().maxBytes(), "file");
            return new Read(body, type != null ? type : TranscriptParsers.formatOfFileName(file.getFileName().toString()), null);
        }

        private ObjectNode toJson(Read read, ParsedTranscript parsed, TranscriptStats stats) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("location", source);
            root.put("declaredType", read.declared);
            root.put("contentType", read.contentType);
            root.put("source", parsed.source());
            ObjectNode st = root.putObject("stats");
            st.put("segments", stats.segments());
            st.put("words", stats.words());
            st.put("speakers", stats.speakers().size());
            ArrayNode names = st.putArray("speakerNames");
            stats.speakers().forEach(names::add);
            st.put("durationSeconds", stats.durationSeconds());
            st.put("timed", stats.timed());
            // a segment is written as its record is (start, end, speaker, text; nulls included), as
            // docs/transcript-json.md documents
            root.set("segments", Json.MAPPER.valueToTree(parsed.segments()));
            return root;
        }

        private static String clock(double seconds) {
            long t = (long) Math.floor(seconds);
            return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
        }
    }
}
