package com.podcastinsights.aws;

import com.podcastinsights.digest.AddressMask;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.OutgoingMail;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.util.Objects;

/**
 * Sends the rendered MIME message as SES v2 Raw content, so the bytes that reach SES are exactly the bytes the
 * local outbox keeps (custom headers such as List-Unsubscribe included; Simple content would drop them).
 *
 * <p>Throttling is retried with backoff a bounded number of times: the digest sends in a loop and the account's
 * sending rate is low (1/s in the sandbox). Any other error is not retried here, because resending could
 * duplicate mail (the SDK's own retries, {@link AwsRetries}, cover 5xx and I/O errors underneath). What is still
 * throttled, 5xx or unreachable after that is {@link Mailer.Unavailable}: the caller leaves the subscriber for
 * the invocation's retry. Any other error is a refusal of this message.
 */
public record SesMailer(SesV2Client ses, String configurationSet, Backoff backoff) implements Mailer {
    /** A blank configuration set is none: the mail is sent without one. */
    public SesMailer {
        Objects.requireNonNull(ses, "ses");
        configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
        Objects.requireNonNull(backoff, "backoff");
    }

    public SesMailer(SesV2Client ses, String configurationSet) {
        this(ses, configurationSet, Backoff.standard());
    }

    @Override
    public String send(OutgoingMail mail) {
        var request = SendEmailRequest.builder()
                .fromEmailAddress(mail.from())
                .destination(Destination.builder().toAddresses(mail.to()).build())
                .content(EmailContent.builder()
                        .raw(RawMessage.builder().data(SdkBytes.fromByteArray(mail.raw())).build()).build());
        if (configurationSet != null) request.configurationSetName(configurationSet);
        SendEmailRequest built = request.build();

        for (int attempt = 1; ; attempt++) {
            try {
                return ses.sendEmail(built).messageId();
            } catch (SesV2Exception e) {
                if (!isThrottling(e)) {
                    if (e.statusCode() >= 500) {
                        throw new Mailer.Unavailable("SES failing (" + describe(e) + "); mail to " + AddressMask.mask(mail.to())
                                + " left for the retry", e);
                    }
                    throw new IllegalStateException("SES refused mail to " + AddressMask.mask(mail.to()) + ": " + describe(e), e);
                }
                if (attempt >= backoff.maxAttempts()) {
                    throw new Mailer.Unavailable("SES still throttling mail to " + AddressMask.mask(mail.to()) + " after "
                            + attempt + " attempts: " + describe(e), e);
                }
                backoff.pauseBefore(attempt + 1);
            } catch (SdkClientException e) {
                throw new Mailer.Unavailable("SES unreachable (" + e.getMessage() + "); mail to " + AddressMask.mask(mail.to())
                        + " left for the retry", e);
            }
        }
    }

    static boolean isThrottling(SesV2Exception e) {
        if (e instanceof TooManyRequestsException || e.statusCode() == 429) return true;
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
        return message != null && message.contains("Maximum sending rate exceeded");
    }

    private static String describe(SesV2Exception e) {
        var details = e.awsErrorDetails();
        // SES names the recipient in some messages ("... failed the check: a@b"); they end up in logs.
        return AddressMask.maskAll(details == null ? String.valueOf(e.getMessage())
                : details.errorCode() + " (" + e.statusCode() + "): " + details.errorMessage());
    }
}
