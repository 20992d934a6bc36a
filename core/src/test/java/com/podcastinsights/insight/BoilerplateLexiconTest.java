package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.TranscriptCorpusConformanceTest;
import com.podcastinsights.transcript.TranscriptParsers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The word check in front of each pattern is an optimization only: it never changes what a sentence is. */
class BoilerplateLexiconTest {
    @Test
    void theWordCheckNeverChangesAKindOnEverySentenceWeHold() throws IOException {
        List<String> sentences = new ArrayList<>(List.of(
                "Head on over to IndianColors.com for 15% off.", "That's unseen for 15 percent off at checkout.",
                "Welcome back to the show.", "Bye!", "We'll be right back after this.", "My subject for today is money.",
                "She has written three books on the subject.", "Where can people find you online?",
                "Dr. Rao is the founder and CEO of a lab.", "Thanks so much for listening.", "Apply the code FRONTIER.",
                "Patrocinado por una empresa.", "I'm still working on the testing patterns book.", "That interview is out in the main feed.", "Suscríbete y déjanos una reseña."));
        List<Path> files = new ArrayList<>();
        Path samples = Path.of("../cli/src/main/resources/samples/transcripts");
        Path dev = TranscriptCorpusConformanceTest.corpus().resolve("podcasts-dev");
        for (Path dir : List.of(samples, dev)) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().matches(".*\\.(vtt|srt|json)$") && !p.endsWith("labels.json")).forEach(files::add);
            }
        }
        for (Path f : files) {
            for (Segment seg : TranscriptParsers.parse(Files.readAllBytes(f),
                    TranscriptParsers.formatOfFileName(f.getFileName().toString())).segments()) {
                sentences.add(seg.text());
            }
        }
        assertTrue(sentences.size() > 100, "the samples are there: " + sentences.size());
        int marked = 0;
        for (String s : sentences) {
            BoilerplateKind expected = BoilerplateLexicon.kindOfUnfiltered(s);
            assertEquals(expected, BoilerplateLexicon.kindOf(s), s);
            if (expected != null) marked++;
        }
        assertTrue(marked >= 13, "the check is exercised on marked sentences too: " + marked);
    }
}
