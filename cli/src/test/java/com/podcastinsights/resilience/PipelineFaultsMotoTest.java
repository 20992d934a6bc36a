package com.podcastinsights.resilience;

import com.podcastinsights.cli.LocalStages;
import com.fasterxml.jackson.databind.JsonNode;
import com.podcastinsights.cli.SampleServer;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.testing.AwsEmulator;
import com.podcastinsights.testing.FaultInjectingTransport;
import com.podcastinsights.testing.FaultInjectingTransport.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static com.podcastinsights.resilience.PipelineReplayMotoTest.CLOCK;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Throttling and 5xx from S3, DynamoDB, EventBridge and SES, injected in front of moto by
 * {@link FaultInjectingTransport} (the request never reaches moto, as when AWS rejects it). Within the SDK's
 * retry budget every stage completes as if nothing happened; beyond it the invocation fails, loudly, and Lambda's
 * retry (or, for FetchFeeds' announcements, the next scheduled run) completes it: the end state equals a run
 * without faults, with nothing lost and nothing duplicated. Backoff is shortened through the client-building seam,
 * so the test waits milliseconds, not seconds, and asserts no durations.
 */
class PipelineFaultsMotoTest {
    private static SampleServer samples;
    private static PipelineState baseline;

    @BeforeAll
    static void baselineWithoutFaults() {
        samples = SampleServer.start(CLOCK);
        MotoPipeline clean = new MotoPipeline(AwsEmulator.get(), samples, CLOCK, 1);
        clean.runDay();
        assertEquals(List.of(), clean.failures);
        baseline = clean.state();
        assertEquals(MotoPipeline.SUBSCRIBERS.size(), baseline.emailCount());
    }

    @AfterAll
    static void stopSamples() {
        samples.close();
    }

    enum Family { THROTTLING, SERVER_ERRORS }

    @ParameterizedTest
    @EnumSource(Family.class)
    void everyStageRecoversFromFaultsWithinTheRetryBudget(Family family) {
        FaultInjectingTransport faults = new FaultInjectingTransport();
        MotoPipeline pipeline = new MotoPipeline(AwsEmulator.get(), samples, CLOCK, 1, faults);
        boolean throttling = family == Family.THROTTLING;
        // every third call of each operation fails twice, then gets through on the SDK's third attempt
        Kind dynamo = throttling ? Kind.DYNAMODB_THROTTLING : Kind.DYNAMODB_5XX;
        for (String op : List.of("PutItem", "GetItem", "Query", "DeleteItem")) faults.failEvery(op, dynamo, 3, 2);
        Kind s3 = throttling ? Kind.S3_SLOW_DOWN : Kind.S3_5XX;
        for (String op : List.of("PutObject", "GetObject")) faults.failEvery(op, s3, 3, 2);
        faults.failEvery("PutEvents", throttling ? Kind.EVENTS_THROTTLING : Kind.EVENTS_5XX, 3, 2);
        faults.failEvery("SendEmail", throttling ? Kind.SES_THROTTLING : Kind.SES_5XX, 3, 2);

        pipeline.runDay();

        Map<String, Integer> injected = faults.injected();
        System.out.println(family + ": faults injected " + injected + ", by stage " + pipeline.faultsBy);
        assertEquals(List.of(), pipeline.failures, "the SDK's retries absorbed every fault");
        for (String op : List.of("PutItem", "GetItem", "Query", "PutObject", "GetObject", "PutEvents", "SendEmail")) {
            assertTrue(injected.getOrDefault(op, 0) > 0, "faults on " + op + ": " + injected);
        }
        for (String stage : List.of("FetchFeeds", "FetchTranscript", "ExtractInsights", "SendDigest")) {
            assertTrue(pipeline.faultsBy.getOrDefault(stage, 0) > 0, stage + " met faults: " + pipeline.faultsBy);
        }
        PipelineState.Diff diff = baseline.diff(pipeline.state());
        assertTrue(diff.none(), diff.toString());
    }

    @Test
    void faultsBeyondTheRetryBudgetFailTheInvocationAndItsRetryCompletesItWithNothingLostOrDuplicated() {
        FaultInjectingTransport faults = new FaultInjectingTransport();
        MotoPipeline pipeline = new MotoPipeline(AwsEmulator.get(), samples, CLOCK, 1, faults);
        int all = 5; // every attempt the SDK makes (AwsRetries.MAX_ATTEMPTS)

        // FetchFeeds: the feed list cannot be read (the invocation fails, Lambda retries it), then one feed's
        // Episode Discovered events cannot be published (counted; the episodes wait as the unannounced backlog)
        faults.failNext("Query", Kind.DYNAMODB_THROTTLING, 1, all);
        faults.failNext("PutEvents", Kind.EVENTS_5XX, 1, all);
        JsonNode fetched = pipeline.invoke("FetchFeeds", LocalStages.fetchFeeds(pipeline.adapters()),
                pipeline.scheduleEvent("fetch-feeds"));
        assertEquals(1, fetched.path("publishFailures").asInt(), fetched.toString());
        assertEquals(4, fetched.path("announced").asInt(), fetched.toString());
        assertEquals(6, fetched.path("newEpisodes").asInt(), fetched.toString());

        // FetchTranscript cannot store its first transcript; ExtractInsights cannot write its first insight
        faults.failNext("PutObject", Kind.S3_5XX, 1, all);
        faults.failNext("PutItem", Kind.DYNAMODB_5XX, 1, all);
        pipeline.drain();

        // the next scheduled run announces the backlog
        faults.clear();
        JsonNode next = pipeline.invoke("FetchFeeds", LocalStages.fetchFeeds(pipeline.adapters()),
                pipeline.scheduleEvent("fetch-feeds"));
        assertEquals(2, next.path("announced").asInt(), next.toString());
        pipeline.drain();

        // SES fails past its retries for the first subscriber: deferred, the invocation fails, the retry sends
        faults.failNext("SendEmail", Kind.SES_5XX, 1, all);
        pipeline.sendDigest();

        System.out.println("beyond the budget: " + pipeline.failures);
        List<String> failed = pipeline.failures.stream().map(f -> f.substring(0, f.indexOf(" ("))).toList();
        assertEquals(List.of("FetchFeeds", "FetchTranscript", "ExtractInsights", "SendDigest"), failed,
                "each stage failed once, loudly: " + pipeline.failures);
        assertTrue(pipeline.failures.get(0).contains("ProvisionedThroughputExceededException"), pipeline.failures.get(0));
        assertTrue(pipeline.failures.get(3).contains("1 deferred to the retry"), pipeline.failures.get(3));
        assertEquals(List.of(), pipeline.deadLetters, "every retry succeeded");

        PipelineState.Diff diff = baseline.diff(pipeline.state());
        assertTrue(diff.none(), diff.toString());
        for (String subscriber : MotoPipeline.SUBSCRIBERS) {
            assertEquals(1, pipeline.state().emails().get(subscriber).size(), subscriber);
        }
    }
}
