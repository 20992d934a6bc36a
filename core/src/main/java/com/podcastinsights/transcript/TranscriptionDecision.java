package com.podcastinsights.transcript;

import java.util.Locale;

/**
 * Whether an episode with no usable published transcript goes to speech-to-text. It does only when the
 * deployment turned the feature on, the operator opted the feed in, and there is audio to fetch; otherwise the
 * show notes stand in, as they always did.
 */
public enum TranscriptionDecision {
    TRANSCRIBE, FEATURE_OFF, FEED_NOT_OPTED_IN, NO_AUDIO;

    public static TranscriptionDecision decide(boolean featureOn, boolean feedOptedIn, String enclosureUrl) {
        if (!featureOn) return FEATURE_OFF;
        if (!feedOptedIn) return FEED_NOT_OPTED_IN;
        if (enclosureUrl == null) return NO_AUDIO;
        String u = enclosureUrl.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") ? TRANSCRIBE : NO_AUDIO;
    }

    /**
     * Transcribe's language code for a feed's language ({@code en-us} becomes {@code en-US}); null, which lets
     * Transcribe identify the language, when the feed names only a language ({@code en}) or nothing usable.
     */
    public static String languageCode(String feedLanguage) {
        if (feedLanguage == null) return null;
        String[] parts = feedLanguage.strip().split("[-_]");
        if (parts.length != 2 || !parts[0].matches("[A-Za-z]{2,3}") || !parts[1].matches("[A-Za-z]{2}")) return null;
        return parts[0].toLowerCase(Locale.ROOT) + "-" + parts[1].toUpperCase(Locale.ROOT);
    }
}
