package com.podcastinsights.aws;

import com.podcastinsights.port.SpeechToText;
import software.amazon.awssdk.services.transcribe.TranscribeClient;
import software.amazon.awssdk.services.transcribe.model.BadRequestException;
import software.amazon.awssdk.services.transcribe.model.ConflictException;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJob;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Amazon Transcribe batch jobs on media in our bucket, output written back to our bucket under the job's
 * {@code outputKey}. Transcribe reads and writes with the caller's permissions (no data access role), so the
 * function that starts jobs needs s3:GetObject on the media and s3:PutObject on the output key.
 */
public final class TranscribeSpeechToText implements SpeechToText {
    private final TranscribeClient transcribe;
    private final String bucket;

    public TranscribeSpeechToText(TranscribeClient transcribe, String bucket) {
        this.transcribe = Objects.requireNonNull(transcribe, "transcribe");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public boolean start(Job job) {
        try {
            transcribe.startTranscriptionJob(b -> {
                b.transcriptionJobName(job.name())
                        .media(m -> m.mediaFileUri("s3://" + bucket + "/" + job.mediaKey()))
                        .outputBucketName(bucket)
                        .outputKey(job.outputKey());
                if (job.languageCode() != null) b.languageCode(job.languageCode());
                else b.identifyLanguage(true);
                if (job.maxSpeakers() >= 2) {
                    b.settings(s -> s.showSpeakerLabels(true).maxSpeakerLabels(job.maxSpeakers()));
                }
            });
            return true;
        } catch (ConflictException alreadyThere) {
            // the job name is ours and deterministic: a replay of the same episode
            return false;
        }
    }

    @Override
    public Optional<JobState> state(String jobName) {
        TranscriptionJob job;
        try {
            job = transcribe.getTranscriptionJob(b -> b.transcriptionJobName(jobName)).transcriptionJob();
        } catch (BadRequestException e) {
            // Transcribe answers an unknown job name with BadRequest ("couldn't be found"), not a 404
            if (e.getMessage() != null && e.getMessage().contains("couldn't be found")) return Optional.empty();
            throw e;
        }
        Status status = switch (job.transcriptionJobStatus()) {
            case COMPLETED -> Status.COMPLETED;
            case FAILED -> Status.FAILED;
            case IN_PROGRESS -> Status.IN_PROGRESS;
            default -> Status.QUEUED;
        };
        String output = job.transcript() == null ? null : keyOf(job.transcript().transcriptFileUri());
        return Optional.of(new JobState(jobName, status, output, job.failureReason()));
    }

    /**
     * The bucket key in a TranscriptFileUri: path style ({@code https://s3.REGION.amazonaws.com/BUCKET/KEY}) as
     * Transcribe writes it for an output bucket, or virtual-hosted style; null when it is not in our bucket.
     */
    String keyOf(String uri) {
        if (uri == null || uri.isBlank()) return null;
        URI u = URI.create(uri);
        String host = u.getHost() == null ? "" : u.getHost();
        String path = u.getRawPath() == null ? "" : java.net.URLDecoder.decode(u.getRawPath(),
                java.nio.charset.StandardCharsets.UTF_8);
        if (host.startsWith(bucket + ".")) return path.startsWith("/") ? path.substring(1) : path;
        String prefix = "/" + bucket + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : null;
    }
}
