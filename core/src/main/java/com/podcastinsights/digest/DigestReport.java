package com.podcastinsights.digest;

/**
 * What one run (or one batch) did. {@code skipped}: already sent that day, or no longer an active reader.
 * {@code unconfirmed}: a send was started by an earlier sender that never recorded the outcome (it died mid-send);
 * not resent, see {@link DigestSender}. {@code deferred}: not reached before the time limit, held by another
 * sender, or not taken by the mail service now (throttled or failing past the retries; {@code failedNow} of them);
 * left unclaimed for the next delivery. {@code notDue}: kept for the report's shape; the send-hour index lists due
 * readers only.
 */
public record DigestReport(String day, int subscribers, int sent, int skipped, int unconfirmed, int failed,
                           int insights, String note, int deferred, int notDue, int failedNow) {
    public DigestReport(String day, int subscribers, int sent, int skipped, int unconfirmed, int failed,
                        int insights, String note, int deferred, int notDue) {
        this(day, subscribers, sent, skipped, unconfirmed, failed, insights, note, deferred, notDue, 0);
    }

    /** The counts of both; {@code subscribers} and {@code day} stay this report's. */
    DigestReport plus(DigestReport o) {
        return new DigestReport(day, subscribers, sent + o.sent, skipped + o.skipped, unconfirmed + o.unconfirmed,
                failed + o.failed, Math.max(insights, o.insights), note, deferred + o.deferred, notDue + o.notDue,
                failedNow + o.failedNow);
    }

    DigestReport withNote(String n) {
        return new DigestReport(day, subscribers, sent, skipped, unconfirmed, failed, insights, n, deferred, notDue,
                failedNow);
    }

    static String deferredNote(int notReached, int unavailable) {
        return (notReached > 0 ? notReached + " not reached before the time limit" : "")
                + (unavailable > 0 ? (notReached > 0 ? ", " : "") + unavailable + " not taken by the mail service now" : "")
                + "; invoke again to resume";
    }
}
