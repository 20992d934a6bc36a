package com.podcastinsights.store;

/**
 * Every key of the table and the bucket, in one place. docs/data-model.md documents the same layout for
 * other workloads; change both together.
 */
public final class Keys {
    private Keys() {
    }

    // table: partitions and sort keys
    public static String feedPk(String feedId) { return "FEED#" + feedId; }
    public static final String FEED_SK = "FEED";
    /** GSI1 partition that lists every feed. */
    public static final String FEEDS_INDEX = "FEEDS";

    public static String episodeSk(String episodeId) { return "EPISODE#" + episodeId; }
    /** Beside the feed's episodes: the ids of the items its last document had that are recorded (issue 16). */
    public static final String KNOWN_EPISODES_SK = "KNOWN";
    /** GSI1 partition of episodes recorded but not yet announced on the bus (sparse). */
    public static final String UNANNOUNCED_INDEX = "UNANNOUNCED";

    public static String insightPk(String episodeId) { return "EPISODE#" + episodeId; }
    public static String insightSk(int rank) { return String.format("INSIGHT#%02d", rank); }
    /** GSI1 partition of one day's insights; GSI1SK sorts them by score. */
    public static String dayIndex(String day) { return "DAY#" + day; }
    /** Fixed-width so that string order is score order: "0.873100#episodeId#01". */
    public static String scoreSortKey(double score, String episodeId, int rank) {
        double clamped = Math.max(0, Math.min(1, score));
        return String.format(java.util.Locale.ROOT, "%.6f#%s#%02d", clamped, episodeId, rank);
    }

    public static String subscriberPk(String email) { return "SUBSCRIBER#" + email.toLowerCase(java.util.Locale.ROOT); }
    public static final String SUBSCRIBER_SK = "SUBSCRIBER";
    /** GSI1 partition that lists active subscribers (moved to the inactive one on unsubscribe). */
    public static final String SUBSCRIBERS_INDEX = "SUBSCRIBERS";
    /** GSI1 partition of unsubscribed and suppressed readers, for `subscribers list --all`. */
    public static final String INACTIVE_SUBSCRIBERS_INDEX = "SUBSCRIBERS#INACTIVE";

    /**
     * GSI2 partition of the active readers with this time zone (null: the stack's digest zone) and local send hour
     * (null: the stack's default hour): SendDigest reads only the partitions whose hour it is, never the table.
     */
    public static String sendIndex(String zone, Integer hour) {
        return "SEND#" + (zone == null ? "-" : zone) + "#" + (hour == null ? "-" : String.format("%02d", hour));
    }
    /** One item per time zone any reader ever chose (SK: the zone id): the GSI2 partitions worth reading. */
    public static final String SEND_ZONES_PK = "SENDZONES";

    public static String digestSk(String day) { return "DIGEST#" + day; }
    /** In the reader's partition: how and when they consented (web double opt-in, or added by the operator). */
    public static final String CONSENT_SK = "CONSENT";
    /** In the reader's partition: a web sign-up waiting for its confirmation click (the preferences it asked for). */
    public static final String SIGNUP_SK = "SIGNUP";
    /** A reader's vote on one insight, under the show, so totals per show are one Query. */
    public static String feedbackPk(String feedId) { return "FEEDBACK#" + feedId; }
    public static String feedbackSk(String readerHandle, String insightId) { return readerHandle + "#" + insightId; }
    /** A rate-limit counter of the reader web: form, who (a keyed hash), window; expires by TTL. */
    public static String ratePk(String form, String who, String window) { return "RATE#" + form + "#" + who + "#" + window; }
    public static final String RATE_SK = "RATE";

    /** The insights chosen for one day's digest, fixed at first selection so that replays send the same ones. */
    public static String editionPk(String day) { return "EDITION#" + day; }
    public static final String EDITION_SK = "EDITION";
    /** GSI1 partition of every Edition, sorted by day: the last 30 days' editions in one Query. */
    public static final String EDITIONS_INDEX = "EDITIONS";

    /** The day's shared counter of the optional rewrite step (tokens and cost). */
    public static String budgetPk(String day) { return "BUDGET#" + day; }

    // bucket
    public static String rawFeedKey(String feedId, String fetchedAt) { return "feeds/" + feedId + "/" + fetchedAt + ".xml"; }
    /**
     * An episode's shingle fingerprint (insight/ShowHistory), under its show and digest day, so a listing of
     * the show's prefix comes back oldest first and a replay writes the same key.
     */
    public static String fingerprintKey(String feedId, String day, String episodeId) {
        return fingerprintPrefix(feedId) + day + "/" + episodeId;
    }

    public static String fingerprintPrefix(String feedId) { return "fingerprints/" + feedId + "/"; }

    public static String transcriptKey(String feedId, String episodeId) { return "transcripts/" + feedId + "/" + episodeId + ".json"; }
    /** An episode's enclosure audio, for Amazon Transcribe; the bucket's lifecycle expires it. */
    public static String transcribeAudioKey(String feedId, String episodeId) { return "transcribe/audio/" + feedId + "/" + episodeId; }
    /** Where Amazon Transcribe writes the job's output JSON. */
    public static String transcribeOutputKey(String feedId, String episodeId) { return "transcribe/output/" + feedId + "/" + episodeId + ".json"; }
}
