package com.podcastinsights.fakes;

import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.SpeechToText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Speech-to-text that transcribes nothing by itself: jobs are recorded, and a test ends one with
 * {@link #complete} (writing the given output where the job asked, like Transcribe) or {@link #fail}.
 */
public final class InMemorySpeechToText implements SpeechToText {
    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    private final List<Job> started = new ArrayList<>();
    private final BlobStore bucket;

    public InMemorySpeechToText(BlobStore bucket) {
        this.bucket = bucket;
    }

    @Override
    public synchronized boolean start(Job job) {
        if (jobs.containsKey(job.name())) return false;
        started.add(job);
        jobs.put(job.name(), new JobState(job.name(), Status.QUEUED, null, null));
        return true;
    }

    @Override
    public synchronized Optional<JobState> state(String jobName) {
        return Optional.ofNullable(jobs.get(jobName));
    }

    public synchronized List<Job> started() {
        return List.copyOf(started);
    }

    public synchronized void complete(String jobName, byte[] outputJson) {
        Job job = started.stream().filter(j -> j.name().equals(jobName)).findFirst().orElseThrow();
        bucket.put(job.outputKey(), outputJson, "application/json");
        jobs.put(jobName, new JobState(jobName, Status.COMPLETED, job.outputKey(), null));
    }

    public synchronized void fail(String jobName, String reason) {
        jobs.put(jobName, new JobState(jobName, Status.FAILED, null, reason));
    }
}
