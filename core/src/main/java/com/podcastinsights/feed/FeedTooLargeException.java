package com.podcastinsights.feed;

/** The document is larger than the parser's cap; the feed is refused whole rather than half read. */
public final class FeedTooLargeException extends FeedFormatException {
    public FeedTooLargeException(long maxBytes) {
        super("feed is larger than the cap of " + maxBytes + " bytes; refused");
    }
}
