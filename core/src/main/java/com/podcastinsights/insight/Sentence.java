package com.podcastinsights.insight;

/**
 * One sentence of a speaker's turn, with the time its first word was said. {@code topicShift}: it opens with
 * "anyway", "okay" and the like, so it starts something new and no passage should run into it.
 */
record Sentence(String text, double startSeconds, String speaker, int turn, boolean topicShift) {
    int words() {
        return Words.count(text);
    }
}
