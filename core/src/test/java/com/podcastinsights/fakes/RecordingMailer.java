package com.podcastinsights.fakes;

import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.OutgoingMail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Keeps what was sent; addresses in {@code rejecting} fail the way a refused send does. */
public final class RecordingMailer implements Mailer {
    public final List<OutgoingMail> sent = new ArrayList<>();
    public final Set<String> rejecting = new HashSet<>();
    /** Addresses the provider cannot take mail for now (throttled or failing past the retries). */
    public final Set<String> unavailable = new HashSet<>();

    @Override
    public synchronized String send(OutgoingMail mail) {
        if (rejecting.contains(mail.to())) throw new IllegalStateException("rejected " + mail.to());
        if (unavailable.contains(mail.to())) throw new Mailer.Unavailable("mail service unavailable", null);
        sent.add(mail);
        return "msg-" + sent.size();
    }
}
