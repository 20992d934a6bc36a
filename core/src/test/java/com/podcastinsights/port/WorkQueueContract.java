package com.podcastinsights.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every WorkQueue must do; SQS (on moto) and the in-process queue both run it. */
public abstract class WorkQueueContract {
    protected WorkQueue queue;

    /** A fresh, empty queue whose received messages stay invisible for at least a minute. */
    protected abstract WorkQueue newQueue() throws Exception;

    @BeforeEach
    void createQueue() throws Exception {
        queue = newQueue();
    }

    /** Receives until nothing comes back twice in a row (SQS's short poll may return fewer than are waiting). */
    private List<WorkQueue.Message> receiveAll() {
        List<WorkQueue.Message> out = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<WorkQueue.Message> got = queue.receive(10);
            if (got.isEmpty()) empty++;
            out.addAll(got);
        }
        return out;
    }

    @Test
    void everyBodySentIsReceivedOnceWithItsBodyIntact() {
        List<String> bodies = IntStream.range(0, 23).mapToObj(i -> "{\"batch\":" + i + ",\"text\":\"ünï 🎧\"}").toList();
        queue.send(bodies);

        List<WorkQueue.Message> got = receiveAll();
        assertEquals(bodies.stream().sorted().toList(), got.stream().map(WorkQueue.Message::body).sorted().toList());
        assertTrue(got.stream().allMatch(m -> m.receiveCount() == 1 && m.receipt() != null && m.id() != null));
    }

    @Test
    void aReceivedMessageIsInvisibleToOtherReceiversUntilItsVisibilityEnds() {
        queue.send(List.of("one"));
        assertEquals(1, receiveAll().size());
        assertEquals(List.of(), receiveAll(), "received and not deleted: invisible, not handed out twice at once");
    }

    @Test
    void aDeletedMessageNeverComesBack() {
        queue.send(List.of("a", "b"));
        List<WorkQueue.Message> got = receiveAll();
        got.forEach(queue::delete);
        assertEquals(List.of(), receiveAll());
    }

    @Test
    void nothingToReceiveIsAnEmptyList() {
        assertEquals(List.of(), queue.receive(10));
        queue.send(List.of());
        assertEquals(List.of(), queue.receive(10));
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNothingOfTheCallIsSent() {
        String big = "x".repeat(WorkQueue.MAX_BODY_BYTES + 1);
        assertThrows(IllegalArgumentException.class, () -> queue.send(List.of("small", big)));
        assertEquals(List.of(), receiveAll());
    }
}
