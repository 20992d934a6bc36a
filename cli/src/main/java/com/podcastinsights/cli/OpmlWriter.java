package com.podcastinsights.cli;

import com.podcastinsights.feed.Feed;

import java.io.PrintWriter;
import java.util.List;

/** Writes subscriptions as OPML 2.0, which podcast apps import and {@link OpmlReader} reads back. */
final class OpmlWriter {
    private OpmlWriter() {
    }

    static void write(PrintWriter out, List<Feed> feeds) {
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<opml version=\"2.0\"><head><title>Podcast Insights feeds</title></head><body>");
        for (Feed f : feeds) {
            String title = xml(f.title() == null ? f.url() : f.title());
            out.printf("  <outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"%s\"/>%n", title, title, xml(f.url()));
        }
        out.println("</body></opml>");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
