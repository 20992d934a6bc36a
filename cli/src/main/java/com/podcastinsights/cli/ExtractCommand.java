package com.podcastinsights.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.insight.RankedPassage;
import com.podcastinsights.insight.ShowHistory;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.ParsedTranscript;
import com.podcastinsights.transcript.TranscriptParsers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.nio.charset.StandardCharsets;

/**
 * {@code extract FILE [--top N] [--json]}: the ranking the pipeline applies to an episode, on a transcript file,
 * so an operator (or an evaluation script) can see what would be picked and why it scored as it did.
 * The JSON shape is documented in docs/insight-json.md.
 */
@Command(name = "extract", description = "Rank the insights of one transcript file (JSON, VTT, SRT, HTML, `Speaker: text` lines or "
                + "plain paragraphs) and print the top N.")
public final class ExtractCommand implements Callable<Integer> {
    /** A transcript of a three-hour episode is a few hundred kilobytes; anything far beyond is not a transcript. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "the transcript file; its extension hints the format, the content decides")
    Path file;
    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "how many insights (default: ${DEFAULT-VALUE})")
    int top;
    @Option(names = "--json", description = "print {insights:[{text, sourceText, score, startSeconds, speaker}]}")
    boolean json;
    @Option(names = "--notes", paramLabel = "FILE", description = "the episode's show notes (HTML or text): passages "
            + "close to them rank a little higher, as in the pipeline")
    Path notes;
    @Option(names = "--history", paramLabel = "FILE", description = "an earlier episode of the same show (any transcript "
            + "format; repeatable): what the show says every episode (intro, ads, plugs, sign-off) is never picked, as "
            + "in the pipeline, which keeps the show's recent episodes")
    List<Path> history = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (top < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1, not " + top);
        ParsedTranscript parsed = transcript(file);
        String showNotes = null;
        if (notes != null) {
            showNotes = new String(InputFiles.read(notes, MAX_BYTES, "notes file"), StandardCharsets.UTF_8);
        }
        List<Transcript> earlier = new ArrayList<>();
        for (Path h : history) earlier.add(transcript(h).toTranscript("local", String.valueOf(h.getFileName()), null));
        List<RankedPassage> ranked = new InsightExtractor().rank(
                parsed.toTranscript("local", String.valueOf(file.getFileName()), null), top, showNotes,
                ShowHistory.ofTranscripts(earlier));
        PrintWriter out = spec.commandLine().getOut();
        if (ranked.size() < top) {
            // fewer than asked is the quality floor at work, not a failure: say so, on stderr so --json stays clean
            spec.commandLine().getErr().printf(Locale.ROOT, "%s: %d of %d insights; the rest of the episode is "
                    + "boilerplate or below the quality floor%n", file.getFileName(), ranked.size(), top);
        }
        if (json) {
            out.println(toJson(ranked));
        } else {
            for (int i = 0; i < ranked.size(); i++) {
                RankedPassage p = ranked.get(i);
                out.printf(Locale.ROOT, "%d. [%s%s] %.3f  %s%n", i + 1, clock(p.startSeconds()),
                        p.speaker() == null ? "" : " " + p.speaker(), p.score(), p.text());
            }
        }
        return 0;
    }

    /** Read through the cap whatever the file claims to be (see {@link InputFiles}); binary is refused by the parser. */
    private static ParsedTranscript transcript(Path path) throws IOException {
        ParsedTranscript parsed = TranscriptParsers.parse(InputFiles.read(path, MAX_BYTES, "file"),
                TranscriptParsers.formatOfFileName(String.valueOf(path.getFileName())));
        if (parsed.isEmpty()) throw new IllegalArgumentException("no transcript text in " + path);
        return parsed;
    }

    static String toJson(List<RankedPassage> ranked) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (RankedPassage p : ranked) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", p.text());
            m.put("sourceText", p.sourceText());
            m.put("score", p.score());
            m.put("startSeconds", p.startSeconds());
            m.put("speaker", p.speaker());
            items.add(m);
        }
        try {
            return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("insights", items));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** h:mm:ss, as players show a position. */
    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
