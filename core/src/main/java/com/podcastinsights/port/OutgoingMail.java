package com.podcastinsights.port;

/**
 * A rendered message. {@code raw} is the complete RFC 5322 / MIME message (multipart/alternative with
 * text and HTML parts) exactly as it goes on the wire, so SES and the local outbox carry the same bytes.
 */
public record OutgoingMail(String from, String to, String subject, String text, String html, byte[] raw) {
}
