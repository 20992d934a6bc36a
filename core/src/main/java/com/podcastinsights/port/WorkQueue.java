package com.podcastinsights.port;

import java.util.List;

/**
 * A queue of work items with at-least-once delivery: SQS in AWS (a Lambda event source mapping consumes it there),
 * an in-process queue locally. Both pass {@code WorkQueueContract}.
 *
 * <p>A received message stays invisible to other receivers until it is deleted or its visibility ends; then it
 * comes back (SQS then moves it to its dead-letter queue after the redrive policy's receive count). Order is not
 * kept, and a message may be delivered twice: consumers must be idempotent.
 */
public interface WorkQueue {
    /** Largest body a message may carry (SQS's limit, in UTF-8 bytes). */
    int MAX_BODY_BYTES = 256 * 1024;

    /** Enqueues every body or throws: a partial failure is an exception, never a silent drop. */
    void send(List<String> bodies);

    /** Up to {@code max} messages visible now (possibly fewer, or none, even when more are waiting). */
    List<Message> receive(int max);

    /** Done with a received message: it is never delivered again. */
    void delete(Message message);

    /** {@code receipt}: what {@link #delete} needs; {@code receiveCount}: deliveries so far, this one included. */
    record Message(String id, String body, String receipt, int receiveCount) {
    }
}
