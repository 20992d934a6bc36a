package com.podcastinsights.resilience;

import com.podcastinsights.cli.SampleServer;
import com.podcastinsights.testing.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The issue's bar: replaying every event of a full run three times (and every scheduled invocation three times)
 * yields the same episodes, insights, Digest and Edition items, transcripts and emails as one run, against moto.
 * Both runs start from an empty moto and fetch the same sample feeds from the same loopback server.
 */
class PipelineReplayMotoTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);
    private static SampleServer samples;

    @BeforeAll
    static void serveSamples() {
        samples = SampleServer.start(CLOCK);
    }

    @AfterAll
    static void stopSamples() {
        samples.close();
    }

    static PipelineState run(int copies) {
        MotoPipeline pipeline = new MotoPipeline(AwsEmulator.get(), samples, CLOCK, copies);
        pipeline.runDay();
        assertEquals(List.of(), pipeline.failures, "no stage failed");
        assertEquals(List.of(), pipeline.deadLetters);
        Map<String, Long> published = new TreeMap<>(pipeline.published().stream().collect(
                java.util.stream.Collectors.groupingBy(e -> e.detailType(), java.util.stream.Collectors.counting())));
        System.out.println("deliveries x" + copies + ": " + pipeline.summaries.size() + " handler invocations, published "
                + published);
        return pipeline.state();
    }

    @Test
    void everyEventDeliveredThreeTimesGivesTheSameEpisodesInsightsAndEmailsAsOneDelivery() {
        PipelineState once = run(1);
        PipelineState thrice = run(3);

        // a comparison of two empty runs would prove nothing: the single run did the whole day
        assertEquals(6, once.keysOfType("Episode").size(), once.items().keySet().toString());
        assertTrue(once.keysOfType("Insight").size() >= 5, "insights: " + once.keysOfType("Insight"));
        assertEquals(1, once.keysOfType("Edition").size());
        assertEquals(MotoPipeline.SUBSCRIBERS.size(), once.keysOfType("Digest").size());
        assertEquals(MotoPipeline.SUBSCRIBERS.size(), once.emailCount());
        assertTrue(once.objects().keySet().stream().filter(k -> k.startsWith("transcripts/")).count() >= 5,
                "transcripts: " + once.objects().keySet());

        PipelineState.Diff diff = once.diff(thrice);
        System.out.println("replay x3 vs x1: " + counts(thrice) + " vs " + counts(once) + "; " + diff);
        assertEquals(List.of(), diff.duplicates(), "nothing the single run lacks");
        assertTrue(diff.none(), diff.toString());
        for (String subscriber : MotoPipeline.SUBSCRIBERS) {
            assertEquals(1, thrice.emails().getOrDefault(subscriber, List.of()).size(), "emails to " + subscriber);
        }
    }

    /** The comparison is not blind: a duplicate email, insight or episode in a state is reported as such. */
    @Test
    void theComparisonReportsADuplicateEmailInsightOrEpisode() {
        PipelineState once = run(1);
        String insight = once.keysOfType("Insight").get(0);
        String episode = once.keysOfType("Episode").get(0);
        SortedMap<String, String> items = new TreeMap<>(once.items());
        items.put(insight.replace("INSIGHT#", "INSIGHT#replayed-"), once.items().get(insight));
        items.put(episode + "-again", once.items().get(episode));
        SortedMap<String, List<String>> emails = new TreeMap<>(once.emails());
        String to = MotoPipeline.SUBSCRIBERS.get(1);
        List<String> twice = new ArrayList<>(emails.get(to));
        twice.add(twice.get(0));
        emails.put(to, twice);

        PipelineState.Diff diff = once.diff(new PipelineState(items, once.objects(), emails));

        assertEquals(3, diff.duplicates().size(), diff.toString());
        assertTrue(diff.duplicates().contains("email #2 to " + to), diff.toString());
        assertFalse(diff.none());
        assertTrue(once.diff(once).none());
    }

    private static Map<String, Integer> counts(PipelineState s) {
        Map<String, Integer> c = new TreeMap<>();
        for (String type : List.of("Episode", "Insight", "Edition", "Digest")) c.put(type, s.keysOfType(type).size());
        c.put("objects", s.objects().size());
        c.put("emails", s.emailCount());
        return c;
    }
}
