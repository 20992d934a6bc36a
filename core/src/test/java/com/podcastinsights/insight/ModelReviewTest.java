package com.podcastinsights.insight;

import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.insight.InsightRewriter.Verdict;
import com.podcastinsights.port.LanguageModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.podcastinsights.insight.ModelFixtures.BATTERIES;
import static com.podcastinsights.insight.ModelFixtures.SOLAR;
import static com.podcastinsights.insight.ModelFixtures.fixture;
import static com.podcastinsights.insight.ModelFixtures.judgePassages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model step's policy (prompt, budget, verdicts, grounding, fallbacks) against a scripted language model. */
class ModelReviewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);
    /** The usage of the hand-written replies, as a provider would report it. */
    private static final LanguageModel.Usage REWRITE_USAGE = new LanguageModel.Usage(412, 180);
    private static final LanguageModel.Usage JUDGE_USAGE = new LanguageModel.Usage(905, 341);

    private final List<LanguageModel.Request> requests = new ArrayList<>();

    private LanguageModel answering(String text, LanguageModel.Usage usage) {
        return request -> {
            requests.add(request);
            return new LanguageModel.Reply(text, usage);
        };
    }

    private LanguageModel failing() {
        return request -> {
            requests.add(request);
            throw new IllegalStateException("Bedrock Converse answered 503");
        };
    }

    private static RewriteBudget generous() {
        return new RewriteBudget(new InMemoryTable(), 100_000, 10.0, 1.0, 5.0, CLOCK);
    }

    @Test
    void asksOnceWithThePromptTheSchemaAndTheSourceTextOfEachPassage() {
        new ModelReview(answering(fixture("rewrite-reply.json"), REWRITE_USAGE), generous())
                .review(List.of(BATTERIES, SOLAR));

        assertEquals(1, requests.size());
        LanguageModel.Request sent = requests.get(0);
        assertEquals(ModelReview.SYSTEM_PROMPT, sent.systemPrompt());
        assertEquals(ModelReview.SCHEMA, sent.jsonSchema());
        assertEquals(380, sent.maxOutputTokens());
        assertTrue(sent.userText().contains(BATTERIES.sourceText()), sent.userText());
        assertTrue(sent.userText().contains("\"index\":1"), sent.userText());
    }

    @Test
    void sendsAtMostFifteenPassagesAndKeepsTheRestAsExtracted() {
        List<RankedPassage> many = new ArrayList<>();
        for (int i = 0; i < 17; i++) many.add(BATTERIES);
        List<Verdict> out = new ModelReview(answering("{\"insights\":[]}", REWRITE_USAGE), generous()).review(many);

        assertEquals(17, out.size());
        assertEquals(ModelReview.MAX_PASSAGES * 190, requests.get(0).maxOutputTokens());
        assertTrue(out.stream().allMatch(v -> v.keep() && v.text().equals(BATTERIES.text())));
    }

    @Test
    void mapsTheStructuredReplyAndKeepsTheOriginalWhereTheRewriteIsNotGrounded() {
        List<String> out = texts(new ModelReview(answering(fixture("rewrite-reply.json"), REWRITE_USAGE), generous())
                .review(List.of(BATTERIES, SOLAR)));

        assertTrue(out.get(0).startsWith("Grid batteries are sized for four hours"), out.get(0));
        // the reply adds Arizona, 2030, the Department of Energy and 40 percent: none is in the passage
        assertEquals(SOLAR.text(), out.get(1));
    }

    @Test
    void recordsTheReportedUsageAgainstTheDay() {
        RewriteBudget budget = generous();
        new ModelReview(answering(fixture("rewrite-reply.json"), REWRITE_USAGE), budget).review(List.of(BATTERIES, SOLAR));
        assertEquals(592, budget.tokensUsedToday());
    }

    @Test
    void withoutReportedUsageTheWorstCaseStaysCharged() {
        RewriteBudget budget = generous();
        new ModelReview(answering(fixture("rewrite-reply.json"), null), budget).review(List.of(BATTERIES, SOLAR));
        assertTrue(budget.tokensUsedToday() > 380, "used " + budget.tokensUsedToday());
    }

    @Test
    void overTheDailyCapMakesNoCallAndKeepsTheOriginals() {
        RewriteBudget budget = new RewriteBudget(new InMemoryTable(), 1_000, 10.0, 1.0, 5.0, CLOCK);
        assertTrue(budget.reserve(900, 0).isPresent(), "another environment's call took most of the day");
        List<String> out = texts(new ModelReview(answering(fixture("rewrite-reply.json"), REWRITE_USAGE), budget)
                .review(List.of(BATTERIES, SOLAR)));

        assertEquals(0, requests.size());
        assertEquals(List.of(BATTERIES.text(), SOLAR.text()), out);
    }

    @Test
    void overTheDailyCostCapMakesNoCall() {
        RewriteBudget budget = new RewriteBudget(new InMemoryTable(), 1_000_000, 0.001, 1.0, 5.0, CLOCK);
        new ModelReview(answering(fixture("rewrite-reply.json"), REWRITE_USAGE), budget).review(List.of(BATTERIES, SOLAR));
        assertEquals(0, requests.size());
    }

    @Test
    void aReplyThatIsNotTheSchemaKeepsTheOriginals() {
        List<String> out = texts(new ModelReview(answering("Sure! Here are your insights: 1. Batteries...",
                new LanguageModel.Usage(412, 12)), generous()).review(List.of(BATTERIES, SOLAR)));
        assertEquals(1, requests.size());
        assertEquals(List.of(BATTERIES.text(), SOLAR.text()), out);
    }

    @Test
    void aFailedCallKeepsTheOriginalsAndStaysChargedItsWorstCase() {
        RewriteBudget budget = generous();
        List<String> out = texts(new ModelReview(failing(), budget).review(List.of(BATTERIES, SOLAR)));

        assertEquals(1, requests.size());
        assertEquals(List.of(BATTERIES.text(), SOLAR.text()), out);
        assertTrue(budget.tokensUsedToday() > 380, "used " + budget.tokensUsedToday());
    }

    @Test
    void anAdIntroAndPlugJudgedOutAreDroppedAndAKeptClaimIsRewritten() {
        List<RankedPassage> episode = judgePassages();
        List<Verdict> out = new ModelReview(answering(fixture("judge-reply.json"), JUDGE_USAGE), generous())
                .review(episode);

        assertEquals(5, out.size());
        for (int i : new int[]{0, 2, 4}) {
            assertFalse(out.get(i).keep(), "judged out, so dropped, not shown as extracted: " + episode.get(i).text());
        }
        assertEquals("sponsor read for a product, with an offer", out.get(0).reason());
        assertTrue(out.get(1).keep());
        assertTrue(out.get(1).text().startsWith("Removing the global interpreter lock does not speed up"), out.get(1).text());
        assertNotEquals(episode.get(1).text(), out.get(1).text());
    }

    @Test
    void aKeptClaimWhoseRewriteIsNotGroundedKeepsItsExtractiveText() {
        List<RankedPassage> episode = judgePassages();
        List<Verdict> out = new ModelReview(answering(fixture("judge-reply.json"), JUDGE_USAGE), generous())
                .review(episode);

        // the rewrite adds "India" and "1969", neither in the passage
        assertTrue(out.get(3).keep());
        assertEquals(episode.get(3).text(), out.get(3).text());
    }

    @Test
    void judgingStaysWithinTheDailyCapAndOverItEveryCandidateIsKeptAsExtracted() {
        RewriteBudget budget = new RewriteBudget(new InMemoryTable(), 2_500, 10.0, 1.0, 5.0, CLOCK);
        ModelReview review = new ModelReview(answering(fixture("judge-reply.json"), JUDGE_USAGE), budget);

        List<Verdict> first = review.review(judgePassages());
        List<Verdict> second = review.review(judgePassages());

        assertEquals(1, requests.size(), "the second episode's call would pass the day's 2,500 tokens");
        assertFalse(first.get(0).keep());
        assertEquals(judgePassages().stream().map(RankedPassage::text).toList(), texts(second));
        assertTrue(budget.tokensUsedToday() <= 2_500, "used " + budget.tokensUsedToday());
    }

    @Test
    void aVerdictWithoutAnExplicitKeepDropsNothing() {
        List<Verdict> out = ModelReview.verdicts("{\"insights\":[{\"index\":0,\"reason\":\"ad\",\"text\":\"\"}]}", 2);
        assertEquals(Arrays.asList(null, null), out);
    }

    private static List<String> texts(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> {
            assertTrue(v.keep(), "no candidate is dropped here: " + v);
            return v.text();
        }).toList();
    }
}
