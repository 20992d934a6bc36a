package com.podcastinsights.resilience;

import com.podcastinsights.digest.ParsedMime;
import com.podcastinsights.testing.AwsEmulator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a run leaves behind, in a form two runs can be compared by: every table item (by key, with its
 * attributes), every object in the bucket (by key, with a hash of its bytes), and every email SES accepted (by
 * recipient, each with its subject and body parts).
 *
 * <p>{@code messageId} is left out of the items: SES (moto) makes a new one per accepted message, so it differs
 * between any two runs. Everything else a stage writes derives from the input and the (fixed) clock.
 */
record PipelineState(SortedMap<String, String> items, SortedMap<String, String> objects,
                     SortedMap<String, List<String>> emails) {
    private static final Set<String> VOLATILE = Set.of("messageId");

    static PipelineState read(AwsEmulator aws, String table, String bucket) {
        SortedMap<String, String> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true);
            if (start != null) scan.exclusiveStartKey(start);
            ScanResponse page = aws.dynamoDb().scan(scan.build());
            for (Map<String, AttributeValue> item : page.items()) {
                SortedMap<String, String> attributes = new TreeMap<>();
                item.forEach((name, value) -> {
                    if (!VOLATILE.contains(name)) attributes.put(name, value.toString());
                });
                items.put(item.get("PK").s() + " | " + item.get("SK").s(), attributes.toString());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        SortedMap<String, String> objects = new TreeMap<>();
        aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> objects.put(o.key(),
                sha256(aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray())));

        SortedMap<String, List<String>> emails = new TreeMap<>();
        for (String raw : aws.sentRawMessages()) {
            ParsedMime mime = ParsedMime.parse(raw.getBytes(StandardCharsets.US_ASCII));
            StringBuilder content = new StringBuilder(mime.decodedSubject());
            mime.parts().forEach(p -> content.append("\n--").append(p.contentType()).append("\n").append(p.body()));
            emails.computeIfAbsent(mime.headers().get("To"), k -> new ArrayList<>()).add(content.toString());
        }
        return new PipelineState(items, objects, emails);
    }

    /** Items whose type attribute is {@code type} (Episode, Insight, Digest, Edition, Feed, Subscriber). */
    List<String> keysOfType(String type) {
        return items.entrySet().stream().filter(e -> e.getValue().contains("type=AttributeValue(S=" + type + ")"))
                .map(Map.Entry::getKey).toList();
    }

    int emailCount() {
        return emails.values().stream().mapToInt(List::size).sum();
    }

    /**
     * How {@code other} differs from this state. {@code duplicates}: items, objects or emails it has beyond
     * this one's (an item under a new key, an object under a new key, a second email to a recipient);
     * {@code missing}: what it lacks; {@code changed}: same key, other content.
     */
    Diff diff(PipelineState other) {
        List<String> duplicates = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        compare("item", items, other.items, duplicates, missing, changed);
        compare("object", objects, other.objects, duplicates, missing, changed);
        Set<String> recipients = new TreeSet<>(emails.keySet());
        recipients.addAll(other.emails.keySet());
        for (String to : recipients) {
            List<String> mine = emails.getOrDefault(to, List.of());
            List<String> theirs = other.emails.getOrDefault(to, List.of());
            for (int i = mine.size(); i < theirs.size(); i++) duplicates.add("email #" + (i + 1) + " to " + to);
            for (int i = theirs.size(); i < mine.size(); i++) missing.add("email #" + (i + 1) + " to " + to);
            for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                if (!mine.get(i).equals(theirs.get(i))) changed.add("email #" + (i + 1) + " to " + to);
            }
        }
        return new Diff(duplicates, missing, changed);
    }

    private static void compare(String what, SortedMap<String, String> mine, SortedMap<String, String> theirs,
                                List<String> duplicates, List<String> missing, List<String> changed) {
        for (var e : theirs.entrySet()) {
            String m = mine.get(e.getKey());
            if (m == null) duplicates.add(what + " " + e.getKey());
            else if (!m.equals(e.getValue())) changed.add(what + " " + e.getKey() + ": " + m + " -> " + e.getValue());
        }
        for (String key : mine.keySet()) {
            if (!theirs.containsKey(key)) missing.add(what + " " + key);
        }
    }

    record Diff(List<String> duplicates, List<String> missing, List<String> changed) {
        boolean none() {
            return duplicates.isEmpty() && missing.isEmpty() && changed.isEmpty();
        }

        @Override
        public String toString() {
            return duplicates.size() + " duplicates " + duplicates + ", " + missing.size() + " missing " + missing
                    + ", " + changed.size() + " changed " + changed;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
