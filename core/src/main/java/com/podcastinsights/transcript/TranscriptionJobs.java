package com.podcastinsights.transcript;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speech-to-text job names: {@code <prefix><feedId>-<episodeId>}, deterministic so that a replayed event finds
 * the job it started before, and reversible so that the job-state-change event leads back to the episode.
 * The prefix carries the stack name: Transcribe job names are unique per account and Region, and every stack
 * in the account sees every job's events on the default bus.
 */
public final class TranscriptionJobs {
    /** Every prefix starts with this; the EventBridge rule matches on it. */
    public static final String COMMON_PREFIX = "podcast-insights-";
    private static final Pattern SUFFIX = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{16})");
    /** Transcribe's limit and alphabet for job names. */
    private static final Pattern VALID = Pattern.compile("[0-9a-zA-Z._-]{1,200}");

    private TranscriptionJobs() {
    }

    public record EpisodeRef(String feedId, String episodeId) {
    }

    public static String name(String prefix, String feedId, String episodeId) {
        String name = prefix + feedId + "-" + episodeId;
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid Transcribe job name: " + name);
        }
        return name;
    }

    /** The episode of one of our jobs; empty for a job of another stack or another application. */
    public static Optional<EpisodeRef> parse(String prefix, String jobName) {
        if (jobName == null || !jobName.startsWith(prefix)) return Optional.empty();
        Matcher m = SUFFIX.matcher(jobName.substring(prefix.length()));
        return m.matches() ? Optional.of(new EpisodeRef(m.group(1), m.group(2))) : Optional.empty();
    }
}
