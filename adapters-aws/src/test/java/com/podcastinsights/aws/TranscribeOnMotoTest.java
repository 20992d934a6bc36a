package com.podcastinsights.aws;

import java.util.List;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingPublisher;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.store.Keys;
import com.podcastinsights.port.SpeechToText;
import com.podcastinsights.testing.AwsEmulator;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.TranscriptCodec;
import com.podcastinsights.transcript.TranscriptionCompletion;
import com.podcastinsights.transcript.TranscriptionJobs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The speech-to-text path against moto over the wire: audio multipart-uploaded to S3, the job started with our
 * settings, polled to COMPLETED, its output read from where the job says it is and stored as the transcript.
 * moto 5.2.5 moves a job one state per GetTranscriptionJob and reports a TranscriptFileUri, but writes no output,
 * so the test puts its own fixture there, as Transcribe would.
 */
class TranscribeOnMotoTest {
    static final String PREFIX = "podcast-insights-test-";
    static final String FEED = "7d3f9a1c2b4e6f80";
    static final String EPISODE = "e1a2b3c4d5e6f708";

    @Test
    void audioUploadJobAndOutputRoundTrip() throws Exception {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        String bucket = "stt-" + UUID.randomUUID();
        aws.createBucket(bucket);
        TranscribeJsonClient client = AwsClients.transcribe(aws.region(), aws.endpoint(), aws.credentials());
        var speech = new TranscribeSpeechToText(client, bucket);
        byte[] audio = new byte[S3AudioStore.MIN_PART_SIZE + 4096];
        new Random(5).nextBytes(audio);
        String mediaKey = Keys.transcribeAudioKey(FEED, EPISODE);
        new S3AudioStore(aws.s3(), bucket, S3AudioStore.MIN_PART_SIZE)
                .upload(mediaKey, new ByteArrayInputStream(audio), "audio/mpeg");
        String job = TranscriptionJobs.name(PREFIX, FEED, EPISODE);

        assertTrue(speech.start(new SpeechToText.Job(job, mediaKey, Keys.transcribeOutputKey(FEED, EPISODE), "en-US", 3)));

        // what moto recorded is what we asked for: our media, speaker labels on with the cap
        var recorded = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                client.getTranscriptionJob("{\"TranscriptionJobName\":\"" + job + "\"}")).path("TranscriptionJob");
        assertEquals("s3://" + bucket + "/" + mediaKey, recorded.path("Media").path("MediaFileUri").asText());
        assertTrue(recorded.path("Settings").path("ShowSpeakerLabels").asBoolean());
        assertEquals(3, recorded.path("Settings").path("MaxSpeakerLabels").asInt());
        assertEquals("en-US", recorded.path("LanguageCode").asText());

        SpeechToText.JobState state = speech.state(job).orElseThrow();
        for (int i = 0; i < 5 && state.status() != SpeechToText.Status.COMPLETED; i++) state = speech.state(job).orElseThrow();
        assertEquals(SpeechToText.Status.COMPLETED, state.status());
        assertEquals(Keys.transcribeOutputKey(FEED, EPISODE), state.outputKey());

        String outputKey = state.outputKey();
        try (InputStream in = getClass().getResourceAsStream("/transcribe/with-speakers.json")) {
            aws.s3().putObject(b -> b.bucket(bucket).key(outputKey).contentType("application/json"),
                    RequestBody.fromBytes(in.readAllBytes()));
        }
        InMemoryTable table = new InMemoryTable();
        new EpisodeRepository(table).recordIfNew(new Episode(FEED, EPISODE, "g", "Orchard Ledger", "Cold storage", null,
                null, "https://cdn.example/31.mp3", null, List.of(), null, "2026-11-30T06:00:00Z"));
        var blobs = new S3BlobStore(aws.s3(), bucket);
        TranscriptStored stored = new TranscriptionCompletion(new EpisodeRepository(table), blobs, new RecordingPublisher(),
                PREFIX, new PrintStream(OutputStream.nullOutputStream())).jobEnded(job, true, null).orElseThrow();

        Transcript t = TranscriptCodec.read(blobs.get(stored.transcriptKey()).orElseThrow());
        assertEquals("transcribe", t.source());
        assertEquals("Speaker 2", t.segments().get(1).speaker());
        assertEquals(audio.length, aws.s3().headObject(b -> b.bucket(bucket).key(mediaKey)).contentLength());
    }
}
