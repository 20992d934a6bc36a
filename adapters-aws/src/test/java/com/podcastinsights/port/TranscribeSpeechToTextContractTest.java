package com.podcastinsights.port;

import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.TranscribeSpeechToText;
import com.podcastinsights.testing.AwsEmulator;

import java.util.UUID;

/** The Transcribe adapter over the wire against moto's Transcribe (jobs move one state per GetTranscriptionJob). */
class TranscribeSpeechToTextContractTest extends SpeechToTextContract {
    @Override
    protected SpeechToText newSpeechToText() {
        AwsEmulator aws = AwsEmulator.get();
        aws.reset();
        String bucket = "stt-" + UUID.randomUUID();
        aws.createBucket(bucket);
        aws.s3().putObject(b -> b.bucket(bucket).key(MEDIA_KEY), software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[]{1, 2, 3}));
        return new TranscribeSpeechToText(AwsClients.transcribe(aws.region(), aws.endpoint(), aws.credentials()), bucket);
    }

    @Override
    protected SpeechToText.JobState awaitEnd(String jobName) {
        SpeechToText.JobState state = speech.state(jobName).orElseThrow();
        for (int i = 0; i < 5 && state.status() != SpeechToText.Status.COMPLETED
                && state.status() != SpeechToText.Status.FAILED; i++) {
            state = speech.state(jobName).orElseThrow();
        }
        return state;
    }
}
