package com.podcastinsights.insight;

/**
 * The parts of an episode that are not its conversation, in the words of the labelled dev set: a reader must
 * never get them as an insight, however well they read.
 */
enum BoilerplateKind {
    /** A cold-open clip that the episode plays again later. */
    TEASER,
    /** Welcome, tagline, episode framing, guest biography, "welcome back". */
    INTRO,
    /** Third-party ad reads, sponsor thanks, promo codes. */
    SPONSOR,
    /** The show's own calls to subscribe, rate, support, buy; "linked in the show notes". */
    PLUG,
    /** Closing thanks, where to find the guest, sign-off. */
    OUTRO,
    /** Ad-break announcements, sound checks, time left, recording date. */
    HOUSEKEEPING,
    /** Said in the same words in the show's earlier episodes: a read, not a conversation. */
    RECURRING
}
