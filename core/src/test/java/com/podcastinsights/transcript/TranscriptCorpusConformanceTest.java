package com.podcastinsights.transcript;

import com.podcastinsights.html.HtmlText;
import com.podcastinsights.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.event.EventEnvelope;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the parsers against real transcripts in the reference corpus (outside the repository, see
 * ../shared/corpus/README.md). Skips when the corpus is absent, so a fresh clone still passes.
 *
 * <p>transcriptator's expected output keeps the publisher's segmentation, while we merge word-level JSON into
 * sentences. So the comparison aligns the two segment lists as a text stream: a block of one or more of our
 * segments must cover exactly a block of one or more expected segments (same text, whitespace ignored), start
 * at the same second and carry the same speaker as every expected segment in it. Cue formats come out one to
 * one; the counts in the log say so.
 */
public class TranscriptCorpusConformanceTest {
    /**
     * The one place we deliberately disagree with transcriptator. This excerpt starts with a {@code <time>}
     * and {@code <p>} but no {@code <cite>}; transcriptator groups elements first-come, so every later cite lands
     * on the paragraph before it. We give a cite to the paragraphs after it, as the Podcasting 2.0 layout
     * intends (the 1:07 paragraph, labelled "Norma-Jean Belenky", is her introducing herself). Text and start
     * times must still match exactly; speakers must match transcriptator's shifted by one paragraph.
     */
    private static final String SPEAKERS_SHIFTED = "podnews_weekly_review_2023-03-17.html";

    public static Path corpus() {
        String configured = System.getProperty("corpus.dir", System.getenv("PODCAST_INSIGHTS_CORPUS"));
        if (configured != null) return Path.of(configured);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) dir = dir.getParent();
        return dir == null ? Path.of("/nonexistent") : dir.resolve("../shared/corpus").normalize();
    }

    private static Path transcripts(String folder) {
        Path p = corpus().resolve("transcripts").resolve(folder);
        assumeTrue(Files.isDirectory(p), "reference corpus not present at " + p);
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusTranscriptParses() throws IOException {
        Path root = corpus().resolve("transcripts");
        assumeTrue(Files.isDirectory(root), "reference corpus not present at " + root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals("expected"))
                    .filter(p -> extension(p) != null)
                    .sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            ParsedTranscript t = TranscriptParsers.parse(Files.readAllBytes(p), null);
            assertEquals(extension(p), t.source(), "sniffed format");
            assertFalse(t.isEmpty(), "segments");
            for (Segment s : t.segments()) {
                assertFalse(s.text().isBlank());
                assertTrue(s.start() >= 0);
            }
            if (p.getParent().getFileName().toString().equals("podcast-namespace")) {
                // the namespace's examples all name their speakers
                assertFalse(TranscriptStats.of(t.segments()).speakers().isEmpty(), "speakers");
            }
            System.out.printf("corpus parse %-60s %-4s %5d segments%n", root.relativize(p), t.source(),
                    t.segments().size());
        }));
    }

    @TestFactory
    Stream<DynamicTest> transcriptatorSegmentsMatch() throws IOException {
        Path dir = transcripts("transcriptator");
        List<Path> expected;
        try (Stream<Path> list = Files.list(dir.resolve("expected"))) {
            expected = list.filter(p -> p.toString().endsWith("_parsed.json")).sorted().toList();
        }
        assertFalse(expected.isEmpty());
        return expected.stream().map(e -> DynamicTest.dynamicTest(e.getFileName().toString(), () -> {
            Path source = sourceOf(dir, e.getFileName().toString());
            String format = extension(source);
            // Declared as the publisher would declare it, so this measures parsing, not sniffing.
            ParsedTranscript ours = TranscriptParsers.parse(Files.readAllBytes(source), format);
            List<Segment> theirs = read(e, format.equals(TranscriptParsers.HTML));
            if (source.getFileName().toString().equals(SPEAKERS_SHIFTED)) theirs = shiftSpeakers(theirs);
            Alignment a = align(ours.segments(), theirs);
            System.out.printf("transcriptator %-45s expected %5d  ours %5d  matched %5d  (%s)%n",
                    source.getFileName(), theirs.size(), ours.segments().size(), a.matched, a.problem);
            assertEquals(theirs.size(), a.matched, source.getFileName() + ": " + a.problem);
        }));
    }

    private static List<Segment> shiftSpeakers(List<Segment> theirs) {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < theirs.size(); i++) {
            Segment s = theirs.get(i);
            String speaker = i == 0 ? null : theirs.get(i - 1).speaker();
            out.add(new Segment(s.start(), s.end(), speaker, s.text()));
        }
        return out;
    }

    record Alignment(int matched, String problem) {
    }

    /** How many expected segments are covered, in order, by blocks of ours with equal text, start and speaker. */
    static Alignment align(List<Segment> ours, List<Segment> theirs) {
        int i = 0, j = 0, matched = 0;
        while (i < ours.size() && j < theirs.size()) {
            int bi = i, bj = j;
            StringBuilder a = new StringBuilder(squeeze(ours.get(i++).text()));
            StringBuilder b = new StringBuilder(squeeze(theirs.get(j++).text()));
            while (!a.toString().equals(b.toString())) {
                if (a.length() < b.length() && b.toString().startsWith(a.toString()) && i < ours.size()) {
                    a.append(squeeze(ours.get(i++).text()));
                } else if (b.length() < a.length() && a.toString().startsWith(b.toString()) && j < theirs.size()) {
                    b.append(squeeze(theirs.get(j++).text()));
                } else {
                    return new Alignment(matched, "text differs at expected #" + bj + " (" + theirs.get(bj).start()
                            + "s): ours \"" + clip(a) + "\" vs \"" + clip(b) + "\"");
                }
            }
            if (Math.abs(ours.get(bi).start() - theirs.get(bj).start()) > 0.0005) {
                return new Alignment(matched, "start differs at expected #" + bj + ": " + ours.get(bi).start()
                        + " vs " + theirs.get(bj).start());
            }
            for (int k = bi; k < i; k++) {
                for (int m = bj; m < j; m++) {
                    if (!sameSpeaker(ours.get(k).speaker(), theirs.get(m).speaker())) {
                        return new Alignment(matched, "speaker differs at expected #" + m + " (" + theirs.get(m).start()
                                + "s): ours " + ours.get(k).speaker() + " vs " + theirs.get(m).speaker());
                    }
                }
            }
            matched += j - bj;
        }
        String rest = i < ours.size() ? (ours.size() - i) + " of ours left over"
                : j < theirs.size() ? (theirs.size() - j) + " expected left over" : "all aligned";
        return new Alignment(matched, rest);
    }

    private static boolean sameSpeaker(String a, String b) {
        return (a == null ? "" : a).equals(b == null ? "" : b);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String clip(CharSequence s) {
        return s.length() <= 80 ? s.toString() : "..." + s.subSequence(s.length() - 80, s.length());
    }

    /** transcriptator keeps HTML bodies as markup ({@code Q&amp;A}); we compare text, so entities are decoded. */
    private static List<Segment> read(Path expected, boolean markup) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(expected));
        List<Segment> out = new ArrayList<>();
        for (JsonNode s : root.get("segments")) {
            String speaker = s.path("speaker").asText("");
            out.add(new Segment(s.get("startTime").asDouble(), s.path("endTime").asDouble(),
                    speaker.isEmpty() ? null : speaker,
                    markup ? HtmlText.decodeEntities(s.path("body").asText("")) : s.path("body").asText("")));
        }
        return out;
    }

    /** "buzzcast_srt_parsed.json" is the expected output for "buzzcast.srt". */
    private static Path sourceOf(Path dir, String expectedName) {
        String stem = expectedName.substring(0, expectedName.length() - "_parsed.json".length());
        int cut = stem.lastIndexOf('_');
        Path p = dir.resolve(stem.substring(0, cut) + "." + stem.substring(cut + 1));
        if (!Files.exists(p)) fail("no source transcript for " + expectedName);
        return p;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".vtt")) return TranscriptParsers.VTT;
        if (name.endsWith(".srt")) return TranscriptParsers.SRT;
        if (name.endsWith(".json")) return TranscriptParsers.JSON;
        if (name.endsWith(".html")) return TranscriptParsers.HTML;
        return null;
    }
}
