package com.podcastinsights.digest;

/** A reader. {@code active} is false after unsubscribe; the item stays so a replay never re-adds them. */
public record Subscriber(String email, boolean active, String createdAt) {
}
