package com.podcastinsights.port;

/** Sends one fully rendered message. SES v2 in AWS, an outbox folder locally. */
public interface Mailer {
    /** Returns the provider's message id. */
    String send(OutgoingMail mail);
}
