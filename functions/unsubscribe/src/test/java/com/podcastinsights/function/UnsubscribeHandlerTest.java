package com.podcastinsights.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.port.Table;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the public endpoint's role may be narrowed to (template.yaml: GetItem and PutItem on SUBSCRIBER#* items
 * only, TemplateTest checks the policy): every table call the handler makes, for a page view and an
 * unsubscribe, is a get or a put of the token's own subscriber item.
 */
class UnsubscribeHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "unsubscribe-handler-key-unsubscribe-handler".getBytes(StandardCharsets.UTF_8);

    @Test
    void itTouchesOnlyTheTokensSubscriberItemByKey() throws Exception {
        InMemoryTable real = new InMemoryTable();
        SubscriberRepository seed = new SubscriberRepository(real);
        seed.subscribe("ann@example.com", "2026-11-01T00:00:00Z");
        seed.subscribe("bob@example.com", "2026-11-01T00:00:00Z");
        long generation = seed.subscription("ann@example.com").map(Subscription::generation).orElseThrow();
        String token = new UnsubscribeToken(KEY).issue("ann@example.com", generation);
        List<String> calls = new ArrayList<>();
        Table recording = (Table) Proxy.newProxyInstance(Table.class.getClassLoader(), new Class<?>[]{Table.class},
                (proxy, method, args) -> {
                    Object key = args[0] instanceof com.podcastinsights.port.Item i ? i.pk() : args[0];
                    calls.add(method.getName() + " " + key);
                    return method.invoke(real, args);
                });
        ReaderWebHandler handler = ReaderWebHandlers.on(recording, com.podcastinsights.digest.UnsubscribeKeys.single(KEY),
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC), mail -> "unused");

        assertEquals(200, invoke(handler, "GET", token).path("statusCode").asInt());
        assertEquals(200, invoke(handler, "POST", token).path("statusCode").asInt());
        assertEquals(200, invoke(handler, "POST", token).path("statusCode").asInt());

        assertFalse(calls.isEmpty());
        for (String call : calls) {
            assertTrue(Set.of("get SUBSCRIBER#ann@example.com", "put SUBSCRIBER#ann@example.com").contains(call), call);
        }
        assertFalse(seed.find("ann@example.com").orElseThrow().active());
        assertTrue(seed.find("bob@example.com").orElseThrow().active());
    }

    private static JsonNode invoke(ReaderWebHandler handler, String method, String token) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("queryStringParameters").put("token", token);
        event.putObject("requestContext").putObject("http").put("method", method);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void primingBeforeSnapshotReadsAndWritesNothing() throws Exception {
        List<String> calls = new ArrayList<>();
        Table recording = (Table) Proxy.newProxyInstance(Table.class.getClassLoader(), new Class<?>[]{Table.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return method.invoke(new InMemoryTable(), args);
                });

        ReaderWebLambda.prime(com.podcastinsights.stage.ReaderWebStage.build(
                com.podcastinsights.stage.ReaderWebStage.Config.local(com.podcastinsights.config.Settings.defaults()),
                recording, null, com.podcastinsights.stage.UnsubscribeStage.build(recording,
                        com.podcastinsights.digest.UnsubscribeKeys.single(KEY), Clock.systemUTC()), Clock.systemUTC()));

        assertEquals(List.of(), calls);
    }
}
