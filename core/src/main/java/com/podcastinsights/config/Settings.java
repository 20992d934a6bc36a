package com.podcastinsights.config;

import java.time.ZoneId;

/** Product settings the stages share; read from the environment in Lambda, defaults locally. */
public record Settings(String senderAddress, ZoneId digestZone, int insightsPerEpisode, int digestSize,
                       int maxPerEpisodeInDigest) {
    public static Settings defaults() {
        return new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
    }

    public Settings withSenderAddress(String address) {
        return new Settings(address, digestZone, insightsPerEpisode, digestSize, maxPerEpisodeInDigest);
    }

    public Settings withDigestZone(ZoneId zone) {
        return new Settings(senderAddress, zone, insightsPerEpisode, digestSize, maxPerEpisodeInDigest);
    }
}
