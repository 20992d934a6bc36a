package com.podcastinsights.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The unsubscribe signing keys, as the secret holds them. New tokens are made with the current key; a retired
 * key still verifies tokens until its {@code validUntil}, so rotating does not break the links in digests already
 * sent, and then it stops. The secret is JSON:
 * <pre>{"current":"2","keys":[{"id":"2","secret":"..."},{"id":"1","secret":"...","validUntil":"2027-03-01T00:00:00Z"}]}</pre>
 * A plain string (the template's generated secret before any rotation) is one key with id {@code 0} that never
 * expires. Secrets never appear in {@link #toString()}.
 */
public final class UnsubscribeKeys {
    public static final String FIRST_ID = "0";
    /** How long a retired key keeps working by default: digests older than this are rarely acted on. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(90);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One key: {@code validUntil} null while it is current (or never retired). */
    public record Key(String id, byte[] secret, Instant validUntil) {
        public Key {
            if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("bad unsubscribe key id");
            if (secret == null || secret.length < UnsubscribeToken.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("unsubscribe key " + id + " must have at least "
                        + UnsubscribeToken.MIN_KEY_BYTES + " bytes");
            }
            secret = secret.clone();
        }

        boolean acceptedAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "Key[" + id + (validUntil == null ? "" : ", valid until " + validUntil) + ", secret hidden]";
        }
    }

    private final String current;
    private final Map<String, Key> keys;

    public UnsubscribeKeys(String current, List<Key> keys) {
        Map<String, Key> byId = new LinkedHashMap<>();
        for (Key k : keys) {
            if (byId.putIfAbsent(k.id(), k) != null) throw new IllegalArgumentException("unsubscribe key " + k.id() + " twice");
        }
        Key c = byId.get(current);
        if (c == null) throw new IllegalArgumentException("the current unsubscribe key " + current + " is not in the list");
        if (c.validUntil() != null) throw new IllegalArgumentException("the current unsubscribe key has a validUntil");
        this.current = current;
        this.keys = byId;
    }

    /** One key that never expires: local runs, tests, and the secret before its first rotation. */
    public static UnsubscribeKeys single(byte[] secret) {
        return new UnsubscribeKeys(FIRST_ID, List.of(new Key(FIRST_ID, secret, null)));
    }

    /** The secret's value; errors never quote it. */
    public static UnsubscribeKeys parse(String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the unsubscribe key secret is empty");
        String v = value.strip();
        if (!v.startsWith("{")) return single(v.getBytes(StandardCharsets.UTF_8));
        JsonNode root;
        try {
            root = JSON.readTree(v);
        } catch (Exception e) {
            throw new IllegalArgumentException("the unsubscribe key secret starts with { but is not JSON");
        }
        List<Key> keys = new ArrayList<>();
        for (JsonNode k : root.path("keys")) {
            String until = k.path("validUntil").asText(null);
            try {
                keys.add(new Key(k.path("id").asText(null), k.path("secret").asText("").getBytes(StandardCharsets.UTF_8),
                        until == null ? null : Instant.parse(until)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("unsubscribe key " + k.path("id").asText() + ": validUntil is not an instant");
            }
        }
        return new UnsubscribeKeys(root.path("current").asText(""), keys);
    }

    public Key current() {
        return keys.get(current);
    }

    /** The key with this id, if it still verifies tokens at {@code now}. */
    public Optional<Key> accepted(String id, Instant now) {
        return Optional.ofNullable(keys.get(id)).filter(k -> k.acceptedAt(now));
    }

    /** Every key that verifies tokens at {@code now}, the current one first. */
    public List<Key> acceptedAt(Instant now) {
        List<Key> out = new ArrayList<>();
        out.add(current());
        keys.values().stream().filter(k -> !k.id().equals(current) && k.acceptedAt(now)).forEach(out::add);
        return out;
    }

    public boolean knows(String id) {
        return keys.containsKey(id);
    }

    /**
     * The secret after a rotation at {@code now}: a new random current key, the old current key valid for
     * {@code grace} more, and keys already past their validUntil dropped.
     */
    public String rotated(Instant now, Duration grace, SecureRandom random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String newId = nextId();
        ObjectNode root = JSON.createObjectNode();
        root.put("current", newId);
        ArrayNode list = root.putArray("keys");
        list.addObject().put("id", newId).put("secret", HexFormat.of().formatHex(raw));
        for (Key k : keys.values()) {
            Instant until = k.id().equals(current) ? now.plus(grace) : k.validUntil();
            if (until == null || !now.isBefore(until)) continue;
            list.addObject().put("id", k.id()).put("secret", new String(k.secret, StandardCharsets.UTF_8))
                    .put("validUntil", until.toString());
        }
        return root.toString();
    }

    private String nextId() {
        long max = keys.keySet().stream().filter(id -> id.matches("\\d{1,18}")).mapToLong(Long::parseLong).max().orElse(0);
        return Long.toString(max + 1);
    }

    @Override
    public String toString() {
        return "UnsubscribeKeys[current " + current + ", " + keys.values() + "]";
    }
}
