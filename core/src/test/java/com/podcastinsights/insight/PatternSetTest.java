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
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PatternSet} is an optimization only: it answers what the patterns themselves answer. */
class PatternSetTest {
    /** Where a word check could go wrong: words inside words, case, non-ASCII neighbours, apostrophes. */
    static final List<String> EDGES = List.of("xbrought to you by", "Brought To You By", "becauseé", "ébecause",
            "because's", "because_", "_because", "sponsors", "sponsor", "sponsoring", "lets you", "let's talk",
            "letstalk", "it's called", "its called", "Use Code X", "40% OFF", "40 percent off", "a\u212Abecause",
            "\u0130 because", "because\u0301", "rock'n'roll", "I'm your host", "BYE", "bye-bye", "(bye)", "goodbye!",
            "the bigger than", "biggerthan", "smaller   than", ", so", "x so y", "word,so", "2x", "%", "ten times",
            "tens", "thousands", "if you do this then it works", "ifyou", "welcome back", "Welcome", "", " ", "—");

    @Test
    void answersWhatThePatternsAnswerOnEverySentenceWeHold() throws IOException {
        List<String> texts = new ArrayList<>(EDGES);
        texts.addAll(sentencesWeHold());
        // the bundled samples always; ../shared/corpus (podcasts-dev, meetings-dev) where it is next to the project
        boolean corpus = Files.isDirectory(TranscriptCorpusConformanceTest.corpus().resolve("podcasts-dev"));
        assertTrue(texts.size() > (corpus ? 1000 : 300), "the samples (and the corpus) are read: " + texts.size());
        List<PatternSet> sets = List.of(ClaimCues.CUES, ClaimCues.RUNDOWN_CUES, PassageScorer.CUE_SET,
                BoilerplateLexicon.RULES, PassageFilter.VETOES);
        int matched = 0;
        for (String text : texts) {
            for (String t : List.of(text, text.toLowerCase(Locale.ROOT))) {
                for (PatternSet set : sets) {
                    int expected = set.findUnfiltered(t);
                    assertEquals(expected, set.find(t), t);
                    if (expected != 0) matched++;
                }
            }
        }
        assertTrue(matched > (corpus ? 500 : 100), "matches are exercised too: " + matched);
    }

    @Test
    void theCutOffCheckSearchesOnlyTheLastWordAndAnswersTheSame() throws IOException {
        List<String> texts = new ArrayList<>(EDGES);
        texts.addAll(List.of("I was in the.", "I was in THE...", "x the", "xthe.", "it's a", "of", " and! ", "é the?",
                "bathe.", "the\u0085", "a\u0301.", "and…", "We did it.", "with. "));
        texts.addAll(sentencesWeHold());
        int cut = 0;
        for (String t : texts) {
            assertEquals(PassageFilter.endsCutOffUnfiltered(t), PassageFilter.endsCutOff(t), t);
            if (PassageFilter.endsCutOff(t)) cut++;
        }
        assertTrue(cut > 5, "cut-offs are exercised: " + cut);
    }

    @Test
    void aWordInsideAWordOrNextToALetterOutsideAsciiIsStillFound() {
        PatternSet set = PatternSet.of(Pattern.compile("\\bbecause\\b|brought to you by|\\bsponsors?\\b|x\\d+ y"),
                Pattern.compile("welcome (?:back )?to|\\bbye\\b", Pattern.CASE_INSENSITIVE));
        assertEquals(1, set.find("becauseé it rains"));
        assertEquals(1, set.find("xbrought to you by"));
        assertEquals(1, set.find("our sponsor"));
        assertEquals(1, set.find("ax12 y"));
        assertEquals(0, set.find("becauseful"));
        assertEquals(2, set.find("WELCOME BACK TO the show"));
        assertEquals(2, set.find("Bye-bye"));
        assertEquals(0, set.find("byebye"));
    }

    @Test
    void refusesWhatSplittingWouldChange() {
        assertThrows(IllegalArgumentException.class, () -> PatternSet.of(Pattern.compile("(?i)a|b")));
        assertThrows(IllegalArgumentException.class, () -> PatternSet.of(Pattern.compile("(a)\\1|b")));
        assertEquals(List.of("a(?:b|c)", "[|]", "\\|d"), PatternSet.split("a(?:b|c)|[|]|\\|d"));
    }

    /** Sentences and whole cues of the samples, podcasts-dev and meetings-dev (the corpus when it is there). */
    static List<String> sentencesWeHold() throws IOException {
        List<Path> files = new ArrayList<>();
        Path corpus = TranscriptCorpusConformanceTest.corpus();
        for (Path dir : List.of(Path.of("../cli/src/main/resources/samples/transcripts"), corpus.resolve("podcasts-dev"),
                corpus.resolve("meetings-dev/extractive"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().matches(".*\\.(vtt|srt|json|story)$") && !p.endsWith("labels.json"))
                        .sorted().forEach(files::add);
            }
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            List<Segment> segments = TranscriptParsers.parse(Files.readAllBytes(f),
                    TranscriptParsers.formatOfFileName(f.getFileName().toString())).segments();
            for (Segment seg : segments) if (seg.text() != null) out.add(seg.text());
            for (Sentence s : SentenceSplitter.split(segments)) out.add(s.text());
        }
        return out;
    }
}
