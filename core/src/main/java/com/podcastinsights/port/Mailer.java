package com.podcastinsights.port;

/** Sends one fully rendered message. SES v2 in AWS, an outbox folder locally. */
public interface Mailer {
    /**
     * Returns the provider's message id. Throws {@link Unavailable} when the provider could not take the message
     * now, any other exception when it refused this message.
     */
    String send(OutgoingMail mail);

    /**
     * The provider could not take the message now (still throttling, or failing with 5xx or no connection, after
     * the retries): sending it again later is expected to work, unlike a refusal of the message itself.
     */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
