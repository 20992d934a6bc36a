package com.podcastinsights.aws;

import com.podcastinsights.port.OutgoingMail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import com.podcastinsights.port.Mailer;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SesMailerTest {
    /** Answers each send with the next scripted outcome: an exception to throw, or a message id. */
    static final class ScriptedSes implements SesV2Client {
        final Deque<Object> script = new ArrayDeque<>();
        final List<SendEmailRequest> requests = new ArrayList<>();

        @Override
        public SendEmailResponse sendEmail(SendEmailRequest request) {
            requests.add(request);
            Object next = script.isEmpty() ? "id-default" : script.removeFirst();
            if (next instanceof RuntimeException e) throw e;
            return SendEmailResponse.builder().messageId((String) next).build();
        }

        @Override
        public String serviceName() {
            return "ses";
        }

        @Override
        public void close() {
        }
    }

    private static final OutgoingMail MAIL = new OutgoingMail("from@example.com", "to@example.com", "S", "t", "h",
            "Subject: S\r\n\r\nbody ☕\r\n".getBytes(StandardCharsets.UTF_8));

    private static SesV2Exception throttled() {
        return TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .errorMessage("Too many requests").build()).build();
    }

    private static SesV2Exception maximumRate() {
        return (SesV2Exception) SesV2Exception.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling")
                        .errorMessage("Maximum sending rate exceeded.").build()).build();
    }

    @Test
    void sendsTheRawBytesWithTheConfigurationSet() {
        var ses = new ScriptedSes();
        ses.script.add("msg-1");

        String id = new SesMailer(ses, "digest-set").send(MAIL);

        assertEquals("msg-1", id);
        SendEmailRequest request = ses.requests.getFirst();
        assertArrayEquals(MAIL.raw(), request.content().raw().data().asByteArray());
        assertEquals("digest-set", request.configurationSetName());
        assertEquals(List.of("to@example.com"), request.destination().toAddresses());
        assertEquals("from@example.com", request.fromEmailAddress());
    }

    @Test
    void leavesOutAnAbsentConfigurationSet() {
        var ses = new ScriptedSes();

        new SesMailer(ses, null).send(MAIL);

        assertNull(ses.requests.getFirst().configurationSetName());
    }

    @Test
    void backsOffAndRetriesWhileThrottled() {
        var ses = new ScriptedSes();
        ses.script.addAll(List.of(throttled(), maximumRate(), "msg-3"));
        var sleeper = new RecordingSleeper();

        String id = new SesMailer(ses, null, sleeper.backoff(5)).send(MAIL);

        assertEquals("msg-3", id);
        assertEquals(3, ses.requests.size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.pauses);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        var ses = new ScriptedSes();
        for (int i = 0; i < 10; i++) ses.script.add(throttled());
        var sleeper = new RecordingSleeper();

        var e = assertThrows(Mailer.Unavailable.class,
                () -> new SesMailer(ses, null, sleeper.backoff(3)).send(MAIL));

        assertEquals(3, ses.requests.size());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("t***@example.com"), "the recipient, masked: " + e.getMessage());
        assertFalse(e.getMessage().contains("to@example.com"), e.getMessage());
    }

    @Test
    void doesNotRetryOtherErrors() {
        var ses = new ScriptedSes();
        SesV2Exception rejected = MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected")
                        .errorMessage("Email address is not verified.").build()).build();
        ses.script.add(rejected);
        var sleeper = new RecordingSleeper();

        var e = assertThrows(IllegalStateException.class,
                () -> new SesMailer(ses, null, sleeper.backoff(5)).send(MAIL));

        assertEquals(1, ses.requests.size());
        assertSame(rejected, e.getCause());
        assertTrue(e.getMessage().contains("MessageRejected") && e.getMessage().contains("not verified"),
                e.getMessage());
        assertEquals(List.of(), sleeper.pauses);
    }

    /** The SDK has retried a 5xx already; what is left is "not now", not a refusal: the digest defers it. */
    @Test
    void aServerErrorLeftAfterTheSdkRetriesIsUnavailableNotARefusal() {
        var ses = new ScriptedSes();
        ses.script.add(SesV2Exception.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage("down").build())
                .build());
        var sleeper = new RecordingSleeper();

        var e = assertThrows(Mailer.Unavailable.class, () -> new SesMailer(ses, null, sleeper.backoff(5)).send(MAIL));

        assertEquals(1, ses.requests.size(), "not resent here: the SDK's retries already ran");
        assertTrue(e.getMessage().contains("ServiceUnavailable"), e.getMessage());
    }

    @Test
    void noConnectionIsUnavailable() {
        var ses = new ScriptedSes();
        ses.script.add(SdkClientException.create("Unable to execute HTTP request: connection refused"));

        assertThrows(Mailer.Unavailable.class, () -> new SesMailer(ses, null, new RecordingSleeper().backoff(5)).send(MAIL));
    }
}
