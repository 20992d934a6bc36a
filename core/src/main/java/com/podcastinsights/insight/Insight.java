package com.podcastinsights.insight;

/**
 * A ranked passage, attributed. {@code link} points at the moment it was said (enclosure URL with
 * {@code #t=SECONDS}); {@code episodeUrl} is the episode page when the feed gives one. {@code source} is the
 * transcript format it was read from ({@code show-notes} when the episode had no transcript: then it was
 * written, not said, and has no moment to link to); {@code language} is the transcript's (ISO 639-1), null when
 * unknown.
 */
public record Insight(String id, String feedId, String episodeId, String podcastTitle, String episodeTitle,
                      String text, double score, double startSeconds, String speaker, String link,
                      String episodeUrl, String day, String source, String language) {
    public static final String SHOW_NOTES = "show-notes";

    public Insight(String id, String feedId, String episodeId, String podcastTitle, String episodeTitle,
                   String text, double score, double startSeconds, String speaker, String link,
                   String episodeUrl, String day) {
        this(id, feedId, episodeId, podcastTitle, episodeTitle, text, score, startSeconds, speaker, link, episodeUrl,
                day, null, null);
    }

    /** Written in the show notes rather than said in the episode: no timestamp, no "listen at". */
    public boolean fromShowNotes() {
        return SHOW_NOTES.equals(source);
    }

    /** The same insight with another display text (the optional rewriting step changes nothing else). */
    public Insight withText(String newText) {
        return new Insight(id, feedId, episodeId, podcastTitle, episodeTitle, newText, score, startSeconds, speaker,
                link, episodeUrl, day, source, language);
    }
}
