package com.podcastinsights.port;

import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.testing.AwsEmulator;

import java.util.List;

class SesMailerContractTest extends MailerContract {
    private AwsEmulator aws;

    @Override
    protected Mailer newMailer() {
        aws = AwsEmulator.get();
        aws.reset();
        aws.verifyEmailIdentity(FROM);
        return new SesMailer(aws.sesV2(), null);
    }

    @Override
    protected List<String> sentRaw() {
        return aws.sentRawMessages();
    }
}
