package com.podcastinsights.digest;

/**
 * What one run did. {@code skipped}: already sent that day. {@code unconfirmed}: a send was claimed by an
 * earlier run that never recorded the outcome (it crashed mid-send); not resent, see {@link DigestSender}.
 * {@code deferred}: not reached before the time limit, or not taken by the mail service now (throttled or failing
 * past the retries); left unclaimed for the next invocation. {@code notDue}:
 * active subscribers whose local send hour this run is not.
 */
public record DigestReport(String day, int subscribers, int sent, int skipped, int unconfirmed, int failed,
                           int insights, String note, int deferred, int notDue) {
}
