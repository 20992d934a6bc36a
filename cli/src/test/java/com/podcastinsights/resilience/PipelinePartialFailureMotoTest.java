package com.podcastinsights.resilience;

import com.podcastinsights.cli.LocalStages;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.cli.SampleServer;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.testing.AwsEmulator;
import com.podcastinsights.testing.FaultInjectingTransport;
import com.podcastinsights.testing.FaultInjectingTransport.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.podcastinsights.resilience.PipelineReplayMotoTest.CLOCK;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One failing feed, one failing transcript and one refused recipient in the same day, against moto: none of them
 * blocks the others, and each is counted where an operator looks (the stage's summary, the feed's health, the
 * failure destination).
 */
class PipelinePartialFailureMotoTest {
    private static SampleServer samples;

    @BeforeAll
    static void serveSamples() {
        samples = SampleServer.start(CLOCK);
    }

    @AfterAll
    static void stopSamples() {
        samples.close();
    }

    @Test
    void aFailingFeedTranscriptOrRecipientNeverBlocksTheOthersAndIsCounted() {
        FaultInjectingTransport faults = new FaultInjectingTransport();
        MotoPipeline pipeline = new MotoPipeline(AwsEmulator.get(), samples, CLOCK, 1, faults);
        String gone = samples.baseUri() + "/feeds/gone.xml"; // the sample server answers 404
        pipeline.subscribeFeed(gone);

        JsonNode fetched = pipeline.invoke("FetchFeeds", LocalStages.fetchFeeds(pipeline.adapters()),
                pipeline.scheduleEvent("fetch-feeds"));
        assertEquals(4, fetched.path("feeds").asInt(), fetched.toString());
        assertEquals(1, fetched.path("failed").asInt(), fetched.toString());
        assertEquals(6, fetched.path("newEpisodes").asInt(), "the three good feeds are not held up");
        Feed health = new FeedRepository(pipeline.adapters().table()).find(FeedRepository.idFor(gone)).orElseThrow();
        assertEquals(1, health.consecutiveFailures());
        assertTrue(health.lastError().contains("404"), health.lastError());

        // the first episode's transcript cannot be stored on any of Lambda's three attempts
        faults.failNext("PutObject", Kind.S3_5XX, MotoPipeline.LAMBDA_ATTEMPTS, 5);
        pipeline.drain();
        faults.clear();
        assertEquals(1, pipeline.deadLetters.size(), "one event for the failure destination: " + pipeline.deadLetters);
        assertTrue(pipeline.deadLetters.get(0).startsWith("FetchTranscript: "), pipeline.deadLetters.get(0));
        assertEquals(MotoPipeline.LAMBDA_ATTEMPTS, pipeline.failures.size(), pipeline.failures.toString());

        // SES refuses the first subscriber's message (not retryable): the others still get theirs
        faults.failNext("SendEmail", Kind.SES_REJECTED, 1, 1);
        pipeline.sendDigest();
        JsonNode digest = pipeline.summaries.get(pipeline.summaries.size() - 1).path("summary");
        assertEquals(2, digest.path("sent").asInt(), digest.toString());
        assertEquals(1, digest.path("failed").asInt(), digest.toString());
        assertEquals(0, digest.path("deferred").asInt(), digest.toString());

        PipelineState state = pipeline.state();
        assertEquals(5, state.objects().keySet().stream().filter(k -> k.startsWith("transcripts/")).count(),
                "the other five transcripts: " + state.objects().keySet());
        assertEquals(2, state.emailCount());
        assertEquals(List.of(1, 1), state.emails().values().stream().map(List::size).toList());

        // nothing lost: redriving the failure destination stores the sixth transcript and its insights, once
        int insightsBefore = state.keysOfType("Insight").size();
        pipeline.redriveDeadLetters();
        assertEquals(List.of(), pipeline.deadLetters);
        PipelineState redriven = pipeline.state();
        assertEquals(6, redriven.objects().keySet().stream().filter(k -> k.startsWith("transcripts/")).count());
        assertTrue(redriven.keysOfType("Insight").size() > insightsBefore, redriven.keysOfType("Insight").toString());
        assertEquals(2, redriven.emailCount(), "redriving a transcript sends no mail");
    }
}
