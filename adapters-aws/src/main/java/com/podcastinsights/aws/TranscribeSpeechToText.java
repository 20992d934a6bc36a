package com.podcastinsights.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.port.SpeechToText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Amazon Transcribe batch jobs on media in our bucket, output written back to our bucket under the job's
 * {@code outputKey}. Transcribe reads and writes with the caller's permissions (no data access role), so the
 * function that starts jobs needs s3:GetObject on the media and s3:PutObject on the output key.
 */
public final class TranscribeSpeechToText implements SpeechToText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TranscribeJsonClient transcribe;
    private final String bucket;

    public TranscribeSpeechToText(TranscribeJsonClient transcribe, String bucket) {
        this.transcribe = Objects.requireNonNull(transcribe, "transcribe");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public boolean start(Job job) {
        ObjectNode request = JSON.createObjectNode()
                .put("TranscriptionJobName", job.name())
                .put("OutputBucketName", bucket)
                .put("OutputKey", job.outputKey());
        request.putObject("Media").put("MediaFileUri", "s3://" + bucket + "/" + job.mediaKey());
        if (job.languageCode() != null) request.put("LanguageCode", job.languageCode());
        else request.put("IdentifyLanguage", true);
        if (job.maxSpeakers() >= 2) {
            request.putObject("Settings").put("ShowSpeakerLabels", true).put("MaxSpeakerLabels", job.maxSpeakers());
        }
        try {
            transcribe.startTranscriptionJob(request.toString());
            return true;
        } catch (AwsServiceError e) {
            // the job name is ours and deterministic: a replay of the same episode
            if ("ConflictException".equals(e.code())) return false;
            throw e;
        }
    }

    @Override
    public Optional<JobState> state(String jobName) {
        JsonNode job;
        try {
            String reply = transcribe.getTranscriptionJob(JSON.createObjectNode().put("TranscriptionJobName", jobName).toString());
            job = JSON.readTree(reply).path("TranscriptionJob");
        } catch (AwsServiceError e) {
            // Transcribe answers an unknown job name with BadRequest ("couldn't be found"), not a 404
            if ("BadRequestException".equals(e.code()) && e.getMessage().contains("couldn't be found")) return Optional.empty();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable GetTranscriptionJob reply for " + jobName, e);
        }
        Status status = switch (job.path("TranscriptionJobStatus").asText("")) {
            case "COMPLETED" -> Status.COMPLETED;
            case "FAILED" -> Status.FAILED;
            case "IN_PROGRESS" -> Status.IN_PROGRESS;
            default -> Status.QUEUED;
        };
        String output = keyOf(job.path("Transcript").path("TranscriptFileUri").asText(null));
        return Optional.of(new JobState(jobName, status, output, job.path("FailureReason").asText(null)));
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
