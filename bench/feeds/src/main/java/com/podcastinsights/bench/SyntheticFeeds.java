package com.podcastinsights.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntFunction;

/** Generated feeds: realistic item shape (guid, date, enclosure, duration, HTML notes), no third-party text. */
final class SyntheticFeeds {
    private static final String NOTES = "In this episode we walk through the week's harbour traffic, the new "
            + "container cranes and what the tide tables mean for the small boats. &lt;p&gt;Links: "
            + "&lt;a href=\"https://example.org/notes?a=1&amp;b=2\"&gt;notes&lt;/a&gt;&lt;/p&gt; We also answer "
            + "listener mail about knots, ropes, and the best way to coil a line without kinks. Chapters, "
            + "transcripts and credits follow. Thanks to everyone who wrote in this week; keep it coming.";

    private SyntheticFeeds() {
    }

    static void write(Writer w, String title, int items, int revision) throws IOException {
        window(w, title, items + revision - 1, items + revision, i -> "Mon, " + (1 + i % 28) + " Sep 2025 06:00:00 +0000");
    }

    /** Items {@code newest} down to {@code newest - count + 1}, newest first, each dated by {@code pubDate}. */
    static void window(Writer w, String title, int newest, int count, IntFunction<String> pubDate) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
                + "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n<channel><title>" + title + "</title>"
                + "<link>https://example.org/</link><language>en</language><description>A generated show.</description>\n");
        for (int i = newest; i > newest - count && i >= 0; i--) {
            w.write("<item><title>Episode " + i + " of " + title + "</title><guid isPermaLink=\"false\">" + title + "-" + i
                    + "</guid><pubDate>" + pubDate.apply(i) + "</pubDate>"
                    + "<enclosure url=\"https://cdn.example.org/" + i + ".mp3?src=rss&amp;v=2\" length=\"" + (10_000_000 + i)
                    + "\" type=\"audio/mpeg\"/><itunes:duration>" + (i % 3) + ":" + (10 + i % 50) + ":07</itunes:duration>"
                    + "<itunes:episode>" + i + "</itunes:episode>"
                    + "<podcast:transcript url=\"https://cdn.example.org/" + i + ".vtt\" type=\"text/vtt\"/>"
                    + "<description>" + NOTES + "</description></item>\n");
        }
        w.write("</channel></rss>\n");
    }
}
