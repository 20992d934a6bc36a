package com.podcastinsights.cli;

import com.podcastinsights.insight.Insight;

/** One insight as the run prints it. */
public record DigestLine(String podcast, String episode, double startSeconds, String text, String link,
                         String episodeUrl) {

    static DigestLine of(Insight i) {
        return new DigestLine(i.podcastTitle(), i.episodeTitle(), i.startSeconds(), i.text(), i.link(), i.episodeUrl());
    }

    /** h:mm:ss, the way podcast players show a position. */
    public String timestamp() {
        long s = Math.max(0, Math.round(Math.floor(startSeconds)));
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
