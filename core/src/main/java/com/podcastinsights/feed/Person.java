package com.podcastinsights.feed;

/** A {@code podcast:person} of a feed or item: host, guest and the like. {@code role} defaults to "host". */
public record Person(String name, String role, String href) {
}
