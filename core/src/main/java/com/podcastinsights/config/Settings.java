package com.podcastinsights.config;

import java.time.ZoneId;

/**
 * Product settings the stages share; read from the environment in Lambda, defaults locally. {@code senderName}
 * is the From line's display name (empty: the bare address); {@code postalAddress} the sender's postal address in
 * every digest's footer (empty: none).
 */
public record Settings(String senderAddress, ZoneId digestZone, int insightsPerEpisode, int digestSize,
                       int maxPerEpisodeInDigest, String senderName, String postalAddress) {
    public static final String DEFAULT_SENDER_NAME = "Podcast Insights";

    public Settings(String senderAddress, ZoneId digestZone, int insightsPerEpisode, int digestSize,
                    int maxPerEpisodeInDigest) {
        this(senderAddress, digestZone, insightsPerEpisode, digestSize, maxPerEpisodeInDigest, DEFAULT_SENDER_NAME, "");
    }

    public static Settings defaults() {
        return new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
    }

    public Settings withSenderAddress(String address) {
        return new Settings(address, digestZone, insightsPerEpisode, digestSize, maxPerEpisodeInDigest, senderName,
                postalAddress);
    }

    public Settings withDigestZone(ZoneId zone) {
        return new Settings(senderAddress, zone, insightsPerEpisode, digestSize, maxPerEpisodeInDigest, senderName,
                postalAddress);
    }

    public Settings withSender(String name, String postal) {
        return new Settings(senderAddress, digestZone, insightsPerEpisode, digestSize, maxPerEpisodeInDigest,
                name == null ? "" : name, postal == null ? "" : postal);
    }
}
