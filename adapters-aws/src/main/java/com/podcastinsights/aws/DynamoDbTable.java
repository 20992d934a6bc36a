package com.podcastinsights.aws;

import com.podcastinsights.store.ItemUpdates;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single table on DynamoDB.
 *
 * <p>Numbers: DynamoDB keeps one number type, so a number with a fraction or exponent reads back as a
 * {@link Double} and any other as a {@link Long}. A whole-valued Double (2.0) may therefore come back as a Long;
 * the domain reads numbers through {@link Item#number} and {@link Item#decimal}, which accept either.
 */
public record DynamoDbTable(DynamoDbClient dynamo, String tableName) implements Table {
    static final String INDEX = "GSI1";
    static final String INDEX2 = "GSI2";

    public DynamoDbTable {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public void put(Item item) {
        dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(toAttributes(item)).build());
    }

    @Override
    public boolean putIfAbsent(Item item) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(toAttributes(item))
                    .conditionExpression("attribute_not_exists(PK)").build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Item> get(String pk, String sk) {
        var response = dynamo.getItem(GetItemRequest.builder().tableName(tableName).key(key(pk, sk))
                .consistentRead(true).build());
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromAttributes(response.item())) : Optional.empty();
    }

    @Override
    public List<Item> query(String pk, String skPrefix) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":pk", s(pk));
        String condition = "PK = :pk";
        // DynamoDB refuses an empty string in a key condition, and an empty prefix means "the whole partition".
        if (skPrefix != null && !skPrefix.isEmpty()) {
            condition += " AND begins_with(SK, :p)";
            values.put(":p", s(skPrefix));
        }
        var request = QueryRequest.builder().tableName(tableName).keyConditionExpression(condition)
                .expressionAttributeValues(values).consistentRead(true);
        List<Item> items = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(request.build())) {
            page.items().forEach(a -> items.add(fromAttributes(a)));
        }
        return items;
    }

    @Override
    public List<Item> queryIndex(String gsi1pk, boolean descending, int limit) {
        return queryPages(INDEX, "GSI1PK", gsi1pk, !descending, limit);
    }

    @Override
    public List<Item> queryIndex2(String gsi2pk, int limit) {
        return queryPages(INDEX2, "GSI2PK", gsi2pk, true, limit);
    }

    /** Up to {@code limit} items of one index partition, page by page. */
    private List<Item> queryPages(String index, String keyAttribute, String key, boolean forward, int limit) {
        List<Item> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        while (items.size() < limit) {
            var request = QueryRequest.builder().tableName(tableName).indexName(index)
                    .keyConditionExpression(keyAttribute + " = :pk").expressionAttributeValues(Map.of(":pk", s(key)))
                    .scanIndexForward(forward).limit(limit - items.size());
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(request.build());
            page.items().forEach(a -> items.add(fromAttributes(a)));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) break;
            start = page.lastEvaluatedKey();
        }
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    @Override
    public boolean replaceIf(Item item, String attribute, String expected) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(toAttributes(item))
                    .conditionExpression("#a = :expected").expressionAttributeNames(Map.of("#a", attribute))
                    .expressionAttributeValues(Map.of(":expected", s(expected))).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void delete(String pk, String sk) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key(pk, sk)).build());
    }

    @Override
    public boolean addWithinLimits(Item item, Map<String, Long> deltas, Map<String, Long> limits) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (var e : item.attributes().entrySet()) {
            if (e.getKey().equals(Item.PK) || e.getKey().equals(Item.SK) || deltas.containsKey(e.getKey())) continue;
            String name = "#i" + n, value = ":i" + n++;
            names.put(name, e.getKey());
            values.put(value, toAttribute(e.getKey(), e.getValue()));
            sets.add(name + " = if_not_exists(" + name + ", " + value + ")");
        }
        for (var e : deltas.entrySet()) {
            String name = "#c" + n, value = ":c" + n, zero = ":z" + n, room = ":r" + n++;
            names.put(name, e.getKey());
            values.put(value, AttributeValue.fromN(Long.toString(e.getValue())));
            values.put(zero, AttributeValue.fromN("0"));
            sets.add(name + " = if_not_exists(" + name + ", " + zero + ") + " + value);
            Long limit = limits.get(e.getKey());
            if (e.getValue() > 0 && limit != null) {
                if (limit - e.getValue() < 0) return false;
                values.put(room, AttributeValue.fromN(Long.toString(limit - e.getValue())));
                conditions.add("(attribute_not_exists(" + name + ") OR " + name + " <= " + room + ")");
            }
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(tableName).key(key(item.pk(), item.sk()))
                .updateExpression("SET " + String.join(", ", sets))
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!conditions.isEmpty()) request.conditionExpression(String.join(" AND ", conditions));
        try {
            dynamo.updateItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean updateExisting(String pk, String sk, Map<String, Object> set, Map<String, Object> setIfAbsent) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#pk", Item.PK));
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int n = 0;
        for (var e : set.entrySet()) {
            ItemUpdates.requireNotKey(e.getKey());
            String name = "#u" + n, value = ":u" + n++;
            names.put(name, e.getKey());
            if (e.getValue() == null) {
                removes.add(name);
            } else {
                values.put(value, toAttribute(e.getKey(), Item.widened(e.getValue())));
                sets.add(name + " = " + value);
            }
        }
        for (var e : setIfAbsent.entrySet()) {
            ItemUpdates.requireNotKey(e.getKey());
            if (e.getValue() == null) continue;
            String name = "#u" + n, value = ":u" + n++;
            names.put(name, e.getKey());
            values.put(value, toAttribute(e.getKey(), Item.widened(e.getValue())));
            sets.add(name + " = if_not_exists(" + name + ", " + value + ")");
        }
        if (sets.isEmpty() && removes.isEmpty()) return get(pk, sk).isPresent();
        String expression = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(tableName).key(key(pk, sk))
                .updateExpression(expression.strip()).conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names);
        if (!values.isEmpty()) request.expressionAttributeValues(values);
        try {
            dynamo.updateItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Item.PK, s(pk), Item.SK, s(sk));
    }

    static Map<String, AttributeValue> toAttributes(Item item) {
        // DynamoDB refuses these as a ValidationException; checked here for a clearer message (and because moto
        // does not check them, so tests would otherwise pass on what AWS refuses).
        for (String indexKey : List.of(Item.GSI1PK, Item.GSI1SK, Item.GSI2PK, Item.GSI2SK)) {
            Object v = item.attributes().get(indexKey);
            if (v != null && !(v instanceof String str && !str.isEmpty())) {
                throw new IllegalArgumentException(indexKey + " must be a non-empty string, not " + v);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.attributes().forEach((name, value) -> out.put(name, toAttribute(name, value)));
        return out;
    }

    private static AttributeValue toAttribute(String name, Object value) {
        return switch (value) {
            case String str -> s(str);
            case Long l -> AttributeValue.fromN(Long.toString(l));
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    throw new IllegalArgumentException("DynamoDB cannot store " + d + " in " + name);
                }
                yield AttributeValue.fromN(BigDecimal.valueOf(d).toPlainString());
            }
            case Boolean b -> AttributeValue.fromBool(b);
            case List<?> list -> AttributeValue.fromL(list.stream().map(e -> {
                if (!(e instanceof String str)) {
                    throw new IllegalArgumentException("list " + name + " may hold only strings, not " + e);
                }
                return s(str);
            }).toList());
            default -> throw new IllegalArgumentException("unsupported value for " + name + ": " + value);
        };
    }

    static Item fromAttributes(Map<String, AttributeValue> attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach((name, a) -> values.put(name, fromAttribute(name, a)));
        return new Item(values);
    }

    private static Object fromAttribute(String name, AttributeValue a) {
        if (a.s() != null) return a.s();
        if (a.n() != null) return number(a.n());
        if (a.bool() != null) return a.bool();
        if (a.hasL()) return a.l().stream().map(e -> {
            if (e.s() == null) throw new IllegalStateException("list " + name + " holds a non-string: " + e);
            return e.s();
        }).toList();
        throw new IllegalStateException("attribute " + name + " has a type this table does not use: " + a);
    }

    private static Object number(String n) {
        if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException tooBig) {
                // falls through: a whole number beyond long range is still a number
            }
        }
        return Double.parseDouble(n);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
