package com.podcastinsights.store;

import com.podcastinsights.port.Item;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A record as the attributes of its table item, each component under the name given for it, so that writing an
 * item and reading it back are one mapping that cannot drift apart. The names are given, not taken from the
 * components, so renaming a Java field never renames stored data (docs/data-model.md lists them).
 *
 * <p>Strings, whole numbers, decimals, flags and lists of strings map as they are; a flag that is false and a
 * value that is null are not stored. A component named null is one the repository stores in its own way: it is
 * not written, and its value is passed to {@link #read}.
 */
public final class RecordItems<R extends Record> {
    private static final Set<Type> SUPPORTED = Set.of(String.class, int.class, long.class, double.class, boolean.class);
    private final RecordComponent[] components;
    private final List<String> names;
    private final Constructor<R> canonical;

    /** {@code names}: one per component of {@code type}, in the record's order. */
    public RecordItems(Class<R> type, String... names) {
        this.components = type.getRecordComponents();
        if (names.length != components.length) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + components.length + " components, "
                    + names.length + " names given");
        }
        this.names = Arrays.asList(names.clone());
        for (int k = 0; k < components.length; k++) {
            if (names[k] != null && !supported(components[k].getGenericType())) {
                throw new IllegalArgumentException("no item attribute for " + components[k]);
            }
        }
        try {
            this.canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the record's attributes to {@code item}. */
    public Item.Builder write(Item.Builder item, R record) {
        for (int k = 0; k < components.length; k++) {
            if (names.get(k) == null) continue;
            Object value = invoke(components[k].getAccessor(), record);
            item.with(names.get(k), Boolean.FALSE.equals(value) ? null : value);
        }
        return item;
    }

    /** The record an item holds; {@code others}: the values of the components named null, in order. */
    public R read(Item item, Object... others) {
        Object[] values = new Object[components.length];
        int other = 0;
        for (int k = 0; k < components.length; k++) {
            String name = names.get(k);
            values[k] = name == null ? others[other++] : read(item, name, components[k].getType());
        }
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Item item, String name, Class<?> type) {
        if (type == String.class) return item.string(name);
        if (type == int.class) return (int) item.number(name, 0);
        if (type == long.class) return item.number(name, 0);
        if (type == double.class) return item.decimal(name, 0);
        if (type == boolean.class) return item.flag(name);
        if (type == List.class) return item.strings(name);
        throw new IllegalArgumentException("no item attribute for a " + type.getSimpleName() + " (" + name + ")");
    }

    private static boolean supported(Type type) {
        return SUPPORTED.contains(type) || type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class;
    }

    private static Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
