package com.podcastinsights.insight;

import com.podcastinsights.feed.Episode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class InsightExtractorTest {
    private final InsightExtractor extractor = new InsightExtractor();

    private static boolean mentionsAny(RankedPassage p, List<String> phrases) {
        String s = p.sourceText().toLowerCase(Locale.ROOT);
        return phrases.stream().anyMatch(s::contains);
    }

    @Test
    void substantiveClaimsRankAboveEverythingElse() {
        List<RankedPassage> top = extractor.rank(SampleTranscripts.computeFrontier("vtt"), 4);
        top.forEach(p -> System.out.println(p.score() + " | " + p.text()));
        assertEquals(4, top.size());
        for (String claim : SampleTranscripts.COMPUTE_CLAIMS) {
            assertTrue(top.stream().anyMatch(p -> p.sourceText().toLowerCase(Locale.ROOT).contains(claim)),
                    "missing claim: " + claim + " in " + top);
        }
    }

    @Test
    void adsIntrosQuestionsAndBanterNeverAppear() {
        List<RankedPassage> all = extractor.rank(SampleTranscripts.computeFrontier("vtt"), 50);
        for (RankedPassage p : all) {
            String s = p.sourceText().toLowerCase(Locale.ROOT);
            assertFalse(s.contains("brought to you by") || s.contains("use code") || s.contains("cloudmatic"), s);
            assertFalse(s.contains("welcome to") || s.contains("subscribe") || s.contains("thanks for listening"), s);
            assertFalse(s.contains("?"), s);
            assertFalse(s.startsWith("it is a bit like"), "starts with an unresolved pronoun: " + s);
            assertFalse(s.contains("tomato"), "banter: " + s);
            assertFalse(s.contains("way too much coffee"), "banter: " + s);
        }
    }

    @Test
    void passagesAreShortStandaloneAndCleaned() {
        List<RankedPassage> top = extractor.rank(SampleTranscripts.computeFrontier("vtt"), 4);
        for (RankedPassage p : top) {
            int words = p.sourceText().split("\\s+").length;
            assertTrue(words >= 25 && words <= 80, words + " words: " + p.sourceText());
            assertTrue(p.score() > 0 && p.score() <= 1, "score " + p.score());
            assertEquals("Guest", p.speaker());
            assertFalse(p.text().matches("(?i).*\\bum\\b.*"), p.text());
            assertFalse(p.text().toLowerCase(Locale.ROOT).contains("that that"), p.text());
        }
        RankedPassage overspend = top.stream().filter(p -> p.sourceText().contains("overspend")).findFirst().orElseThrow();
        assertTrue(overspend.sourceText().contains("that that"), "sourceText keeps the exact words");
    }

    @Test
    void copesWithATranscriptWithoutPunctuation() {
        List<RankedPassage> top = extractor.rank(SampleTranscripts.gardenMachineTranscript(), 3);
        top.forEach(p -> System.out.println(p.score() + " | " + p.text()));
        assertFalse(top.isEmpty());
        for (RankedPassage p : top) {
            assertTrue(mentionsAny(p, SampleTranscripts.GARDEN_CLAIMS), "not a claim: " + p.sourceText());
        }
        List<RankedPassage> all = extractor.rank(SampleTranscripts.gardenMachineTranscript(), 50);
        for (RankedPassage p : all) {
            String s = p.sourceText();
            assertFalse(s.contains("use code") || s.contains("welcome back") || s.contains("how often should"), s);
            assertFalse(s.contains("tomato"), "banter: " + s);
        }
    }

    @Test
    void anInterviewYieldsTheGuestsClaimsAndNotADanglingFollowUp() {
        List<RankedPassage> all = extractor.rank(SampleTranscripts.moneyDesk(), 50);
        all.forEach(p -> System.out.println(p.score() + " | " + p.text()));
        assertEquals(SampleTranscripts.MONEY_CLAIMS.size(), all.size(), all.toString());
        for (RankedPassage p : all) {
            assertTrue(mentionsAny(p, SampleTranscripts.MONEY_CLAIMS), "not a claim: " + p.sourceText());
            assertFalse(p.sourceText().startsWith("That's why"), p.sourceText());
            assertFalse(p.sourceText().contains("promo code"), p.sourceText());
            assertEquals("Morgan", p.speaker());
        }
    }

    @Test
    void showNotesScoreLowerThanTheSameWordsSpoken() {
        double spoken = extractor.rank(SampleTranscripts.computeFrontier("vtt"), 1).get(0).score();
        double notes = extractor.rank(SampleTranscripts.computeFrontier("show-notes"), 1).get(0).score();
        assertTrue(notes < spoken, notes + " vs " + spoken);
    }

    @Test
    void rankingIsDeterministic() {
        assertEquals(extractor.rank(SampleTranscripts.computeFrontier("vtt"), 5),
                extractor.rank(SampleTranscripts.computeFrontier("vtt"), 5));
    }

    @Test
    void insightsLinkToTheMomentAndHaveStableIds() {
        Episode episode = new Episode(SampleTranscripts.FEED, SampleTranscripts.EPISODE, "guid-1", "The Compute Frontier",
                "Why small models got cheap", "2026-11-29T09:00:00Z", "https://frontier.example/ep/12",
                "https://cdn.example/ep12.mp3", null, List.of(), null, null);
        List<ExtractedInsight> a = extractor.insights(SampleTranscripts.computeFrontier("vtt"), episode, "2026-11-30", 3);
        List<ExtractedInsight> b = extractor.insights(SampleTranscripts.computeFrontier("vtt"), episode, "2026-11-30", 3);
        assertEquals(a, b);
        assertEquals(List.of(1, 2, 3), a.stream().map(ExtractedInsight::rank).toList());
        for (ExtractedInsight e : a) {
            Insight i = e.insight();
            assertEquals("https://cdn.example/ep12.mp3#t=" + (long) i.startSeconds(), i.link());
            assertEquals("https://frontier.example/ep/12", i.episodeUrl());
            assertEquals("2026-11-30", i.day());
            assertTrue(i.startSeconds() > 0);
        }
        assertEquals(3, a.stream().map(e -> e.insight().id()).distinct().count());
    }

    @Test
    void aLongTranscriptIsRankedByTheSameRules() {
        List<com.podcastinsights.transcript.Segment> segments = new java.util.ArrayList<>();
        for (int copy = 0; copy < 25; copy++) {
            for (var s : SampleTranscripts.computeFrontier("vtt").segments()) {
                segments.add(new com.podcastinsights.transcript.Segment(s.start() + copy * 400, s.end() + copy * 400,
                        s.speaker(), s.text().replace("Small models", "Small models (" + copy + ")")));
            }
        }
        var t = new com.podcastinsights.transcript.Transcript("f", "e", "en", "vtt", segments);
        List<RankedPassage> top = extractor.rank(t, 5);
        assertEquals(5, top.size());
        for (RankedPassage p : top) assertTrue(mentionsAny(p, SampleTranscripts.COMPUTE_CLAIMS), p.sourceText());
    }

    @Test
    void emptyTranscriptGivesNothing() {
        var t = new com.podcastinsights.transcript.Transcript("f", "e", "en", "vtt", List.of());
        assertTrue(extractor.rank(t, 5).isEmpty());
    }
}
