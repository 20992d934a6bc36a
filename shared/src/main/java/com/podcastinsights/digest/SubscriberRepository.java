package com.podcastinsights.digest;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;
import com.podcastinsights.port.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Readers. Active ones are listed through GSI1; unsubscribing drops the index keys but keeps the item. */
public final class SubscriberRepository {
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s\\r\\n<>\",;]+@[^@\\s\\r\\n<>\",;]+\\.[^@\\s\\r\\n<>\",;]+$");
    private final Table table;

    public SubscriberRepository(Table table) {
        this.table = table;
    }

    public static String normalize(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(e).matches()) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        return e;
    }

    /** Adds or reactivates a subscriber. */
    public void subscribe(String email, String now) {
        String e = normalize(email);
        String created = find(e).map(Subscriber::createdAt).orElse(now);
        table.put(Item.of(Keys.subscriberPk(e), Keys.SUBSCRIBER_SK)
                .index(Keys.SUBSCRIBERS_INDEX, e)
                .with("type", "Subscriber").with("email", e).with("active", true).with("createdAt", created)
                .build());
    }

    public void unsubscribe(String email, String now) {
        String e = normalize(email);
        String created = find(e).map(Subscriber::createdAt).orElse(now);
        table.put(Item.of(Keys.subscriberPk(e), Keys.SUBSCRIBER_SK)
                .with("type", "Subscriber").with("email", e).with("active", false).with("createdAt", created)
                .with("unsubscribedAt", now)
                .build());
    }

    public Optional<Subscriber> find(String email) {
        return table.get(Keys.subscriberPk(normalize(email)), Keys.SUBSCRIBER_SK)
                .map(i -> new Subscriber(i.string("email"), i.flag("active"), i.string("createdAt")));
    }

    public List<Subscriber> active() {
        return table.queryIndex(Keys.SUBSCRIBERS_INDEX, false, Integer.MAX_VALUE).stream()
                .map(i -> new Subscriber(i.string("email"), i.flag("active"), i.string("createdAt")))
                .filter(Subscriber::active)
                .toList();
    }
}
