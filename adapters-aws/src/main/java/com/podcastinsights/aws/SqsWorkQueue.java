package com.podcastinsights.aws;

import com.podcastinsights.port.WorkQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A work queue on SQS. SendMessageBatch can succeed as a call while failing some entries, so each response is
 * checked and only the failed entries are sent again (with backoff); when they still fail, send throws, so the
 * planner's invocation fails and is retried (the senders' claims make the second enqueue harmless).
 * The planner's role may only SendMessage; receive and delete are here for the contract and the local tools
 * (in Lambda the event source mapping receives and deletes).
 */
public record SqsWorkQueue(SqsClient sqs, String queueUrl, Backoff backoff) implements WorkQueue {
    /** SendMessageBatch and ReceiveMessage take at most 10 messages. */
    static final int BATCH = 10;

    public SqsWorkQueue {
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(queueUrl, "queueUrl");
        Objects.requireNonNull(backoff, "backoff");
    }

    public SqsWorkQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Backoff.standard());
    }

    @Override
    public void send(List<String> bodies) {
        int[] sizes = new int[bodies.size()];
        for (int i = 0; i < sizes.length; i++) {
            // a batch request is capped at 256 KB in total too, so a large body goes in a batch of its own
            sizes[i] = bodies.get(i).getBytes(StandardCharsets.UTF_8).length;
            if (sizes[i] > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("message body over " + MAX_BODY_BYTES + " bytes");
            }
        }
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < bodies.size(); i++) {
            int size = sizes[i];
            if (batch.size() == BATCH || bytes + size > MAX_BODY_BYTES) {
                sendAll(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
            bytes += size;
        }
        if (!batch.isEmpty()) sendAll(batch);
    }

    private void sendAll(List<SendMessageBatchRequestEntry> batch) {
        List<SendMessageBatchRequestEntry> pending = batch;
        for (int attempt = 1; ; attempt++) {
            final List<SendMessageBatchRequestEntry> entries = pending;
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.hasFailed() || response.failed().isEmpty()) return;
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            // a sender's fault (a malformed entry) will not pass on a retry
            if (attempt >= backoff.maxAttempts() || response.failed().stream().anyMatch(BatchResultErrorEntry::senderFault)) {
                throw new IllegalStateException(failedIds.size() + " message(s) not accepted by " + queueUrl
                        + " after " + attempt + " attempt(s): " + response.failed().stream()
                        .map(f -> f.code() + " " + f.message()).toList());
            }
            pending = entries.stream().filter(e -> failedIds.contains(e.id())).toList();
            backoff.pauseBefore(attempt + 1);
        }
    }

    @Override
    public List<Message> receive(int max) {
        var response = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(Math.max(1, Math.min(BATCH, max)))
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        List<Message> out = new ArrayList<>();
        for (var m : response.messages()) {
            Map<MessageSystemAttributeName, String> a = m.attributes();
            int count = Integer.parseInt(a.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            out.add(new Message(m.messageId(), m.body(), m.receiptHandle(), count));
        }
        return out;
    }

    @Override
    public void delete(Message message) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receipt()));
    }
}
