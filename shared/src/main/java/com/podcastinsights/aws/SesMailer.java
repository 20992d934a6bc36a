package com.podcastinsights.aws;

import com.podcastinsights.port.*;

/** STUB: to be built. */
public final class SesMailer implements Mailer {
    public SesMailer(software.amazon.awssdk.services.sesv2.SesV2Client ses, String configurationSet) {
    }
    @Override public String send(OutgoingMail mail) { throw new UnsupportedOperationException("stub"); }
}
