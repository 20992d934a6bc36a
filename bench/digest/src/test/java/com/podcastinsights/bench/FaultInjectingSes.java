package com.podcastinsights.bench;

import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * moto never throttles and accepts any recipient, so the faults real SES produces are injected in front of it:
 * every {@code throttleEvery}-th call answers 429 TooManyRequests (before reaching moto, as SES does), and the
 * {@code rejected} recipients get MessageRejected. Everything else goes to moto unchanged.
 */
final class FaultInjectingSes implements SesV2Client {
    private final SesV2Client delegate;
    private final Set<String> rejected;
    private final int throttleEvery;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    FaultInjectingSes(SesV2Client delegate, Set<String> rejected, int throttleEvery) {
        this.delegate = delegate;
        this.rejected = rejected;
        this.throttleEvery = throttleEvery;
    }

    @Override
    public SendEmailResponse sendEmail(SendEmailRequest request) {
        int n = calls.incrementAndGet();
        if (throttleEvery > 0 && n % throttleEvery == 0) {
            throttled.incrementAndGet();
            throw (TooManyRequestsException) TooManyRequestsException.builder()
                    .message("Maximum sending rate exceeded.").statusCode(429).build();
        }
        if (rejected.contains(request.destination().toAddresses().get(0))) {
            refused.incrementAndGet();
            throw (MessageRejectedException) MessageRejectedException.builder()
                    .message("Email address rejected (injected)").statusCode(400).build();
        }
        return delegate.sendEmail(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // the emulator's client is shared; not ours to close
    }
}
