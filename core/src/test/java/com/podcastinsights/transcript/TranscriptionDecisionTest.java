package com.podcastinsights.transcript;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TranscriptionDecisionTest {
    @Test
    void transcribesOnlyWhenTheFeatureIsOnTheFeedOptedInAndThereIsAudio() {
        String mp3 = "https://cdn.example/ep.mp3";
        assertEquals(TranscriptionDecision.TRANSCRIBE, TranscriptionDecision.decide(true, true, mp3));
        assertEquals(TranscriptionDecision.FEATURE_OFF, TranscriptionDecision.decide(false, true, mp3));
        assertEquals(TranscriptionDecision.FEED_NOT_OPTED_IN, TranscriptionDecision.decide(true, false, mp3));
        assertEquals(TranscriptionDecision.NO_AUDIO, TranscriptionDecision.decide(true, true, null));
        assertEquals(TranscriptionDecision.NO_AUDIO, TranscriptionDecision.decide(true, true, "ftp://cdn.example/ep.mp3"));
        assertEquals(TranscriptionDecision.TRANSCRIBE, TranscriptionDecision.decide(true, true, " HTTP://cdn.example/ep.mp3"));
    }

    @Test
    void aFeedLanguageWithARegionBecomesTranscribesCodeOtherwiseTranscribeIdentifiesIt() {
        assertEquals("en-US", TranscriptionDecision.languageCode("en-us"));
        assertEquals("de-DE", TranscriptionDecision.languageCode("de_DE"));
        assertNull(TranscriptionDecision.languageCode("en"));
        assertNull(TranscriptionDecision.languageCode(null));
        assertNull(TranscriptionDecision.languageCode("english"));
    }

    @Test
    void jobNamesLeadBackToTheEpisodeOnlyForOurPrefix() {
        String name = TranscriptionJobs.name("podcast-insights-prod-", "7d3f9a1c2b4e6f80", "e1a2b3c4d5e6f708");
        assertEquals("podcast-insights-prod-7d3f9a1c2b4e6f80-e1a2b3c4d5e6f708", name);
        assertEquals(Optional.of(new TranscriptionJobs.EpisodeRef("7d3f9a1c2b4e6f80", "e1a2b3c4d5e6f708")),
                TranscriptionJobs.parse("podcast-insights-prod-", name));
        assertEquals(Optional.empty(), TranscriptionJobs.parse("podcast-insights-dev-", name));
        // a stack named "prod-x" must not claim the jobs of stack "prod"
        assertEquals(Optional.empty(), TranscriptionJobs.parse("podcast-insights-prod-x-",
                "podcast-insights-prod-7d3f9a1c2b4e6f80-e1a2b3c4d5e6f708"));
        assertEquals(Optional.empty(), TranscriptionJobs.parse("podcast-insights-prod-", "podcast-insights-prod-junk"));
        // nor stack "prod" those of stack "prod-x"
        assertEquals(Optional.empty(), TranscriptionJobs.parse("podcast-insights-prod-",
                "podcast-insights-prod-x-7d3f9a1c2b4e6f80-e1a2b3c4d5e6f708"));
        assertThrows(IllegalArgumentException.class, () -> TranscriptionJobs.name("bad prefix ", "a", "b"));
    }

    @Test
    void aPolicyThatIsOnNeedsTheCommonPrefixTheRuleMatches() {
        assertThrows(IllegalArgumentException.class, () -> new TranscriptionPolicy(true, "other-", 1, 2,
                TranscriptionPolicy.DEFAULT_DOWNLOAD_TIMEOUT));
    }
}
