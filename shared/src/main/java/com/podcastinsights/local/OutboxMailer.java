package com.podcastinsights.local;

import com.podcastinsights.port.*;

/** STUB: to be built. */
public final class OutboxMailer implements Mailer {
    public OutboxMailer(java.nio.file.Path outbox) {
    }
    @Override public String send(OutgoingMail mail) { throw new UnsupportedOperationException("stub"); }
}
