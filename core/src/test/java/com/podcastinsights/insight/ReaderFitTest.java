package com.podcastinsights.insight;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaderFitTest {
    @Test
    void aFirstSentenceThatRefersBeforeItNamesHasNoSubject() {
        assertTrue(ReaderFit.unnamedSubject("You can install it in lots of ways, but I would use pipx."));
        assertTrue(ReaderFit.unnamedSubject("The tool has 54 linting rules."));
        assertFalse(ReaderFit.unnamedSubject("Postgres has been pulling ahead and it just keeps pulling ahead."));
        assertFalse(ReaderFit.unnamedSubject("If you import HTTPX anywhere, it still returns a compatible layer."));
        assertFalse(ReaderFit.unnamedSubject("It turns out that caches fail under load."));
        assertFalse(ReaderFit.unnamedSubject("These days most teams deploy daily."));
    }

    @Test
    void creditsLogisticsAndAnUnnamedSubjectRankBelowAClaimWithItsReason() {
        List<String> texts = List.of(
                "Caching works here because the hot set is small, so the hit rate stays above ninety percent.",
                "Thanks to Janice for suggesting that the foundation takes stewardship of the package.",
                "Release candidate three is the last one, and the final is scheduled for October 7th.",
                "It has 54 linting rules, which are apparently common issues in documents.",
                "The Leeds audio festival is happening on the 22nd of April, and tickets are on sale now.");
        List<List<Sentence>> passages = texts.stream().map(t -> List.of(new Sentence(t, 0, null, 0, false))).toList();
        double[] f = ReaderFit.factors(passages, texts);
        assertEquals(1.0 + ReaderFit.SUPPORT_BONUS, f[0], 1e-9, "a claim with its reason and a number is lifted");
        for (int k = 1; k < f.length; k++) assertTrue(f[k] < f[0], texts.get(k));
        assertTrue(f[4] <= 1 - ReaderFit.LOGISTICS_WEIGHT + 1e-9, "a day of the month and tickets are logistics: " + f[4]);
    }

    @Test
    void aClaimBackedByAReasonAndANumberRanksAboveABareClaimAStoryOrAnAnnouncement() {
        List<String> texts = List.of(
                "Smaller teams ship faster than large ones because every decision needs two people instead of six, so a release takes days.",
                "Smaller teams ship faster and everyone who has worked in one knows exactly what that feels like.",
                "Last week I was at a small team's office and they shipped because six people agreed on it in two days.",
                "Let's talk about small teams, because the six teams in this article shipped twice as often.");
        List<List<Sentence>> passages = texts.stream().map(t -> List.of(new Sentence(t, 0, null, 0, false))).toList();
        double[] f = ReaderFit.factors(passages, texts);
        for (int k = 1; k < f.length; k++) assertTrue(f[0] > f[k], texts.get(k));
        assertEquals(1.0, ReaderFit.support(texts.get(0)), 1e-9);
        assertEquals(0.0, ReaderFit.support(texts.get(1)), 1e-9, "a bare claim");
        assertEquals(0.0, ReaderFit.support(texts.get(2)), 1e-9, "a story");
        assertEquals(0.0, ReaderFit.support(texts.get(3)), 1e-9, "a topic announced");
    }

    @Test
    void aPassageMoreHaltingThanTheEpisodesMedianRanksLower() {
        List<String> spoken = List.of("The queue is the bottleneck because every write waits on one lock.",
                "The index is rebuilt nightly because the import replaces every row.",
                "I was, I think the, the, you know, the lock is, like, sort of the problem here.");
        List<List<Sentence>> passages = spoken.stream().map(t -> List.of(new Sentence(t, 0, null, 0, false))).toList();
        double[] f = ReaderFit.factors(passages, spoken.stream().map(TextCleaner::clean).toList());
        assertTrue(f[2] < f[0] && f[2] < f[1]);
    }

    @Test
    void aPassageThatStillReadsBrokenAfterRepairRanksBelowCleanOnes() {
        List<String> texts = List.of("The queue is the bottleneck because every write waits on one lock.",
                "The index is rebuilt nightly because the import replaces every row.",
                "The cache is the bottleneck because every write is were slow, so a worker waits and that just like stalls.");
        List<List<Sentence>> passages = texts.stream().map(t -> List.of(new Sentence(t, 0, null, 0, false))).toList();
        List<String> cleaned = texts.stream().map(TextCleaner::clean).toList();
        double[] f = ReaderFit.factors(passages, cleaned);
        assertTrue(Disfluency.residue(cleaned.get(2)) >= 2, cleaned.get(2));
        assertTrue(f[2] < f[0] && f[2] < f[1]);
    }
}
