package com.podcastinsights.feed;

/** The document is not a feed we can read: malformed XML, a DOCTYPE, or neither RSS nor Atom. */
public class FeedFormatException extends Exception {
    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
