package com.podcastinsights.web;

import com.podcastinsights.digest.DailySelection;
import com.podcastinsights.digest.MailText;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.insight.Insight;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.podcastinsights.web.Pages.esc;

/**
 * {@code /archive} (the editions kept, newest first), {@code /archive/<day>} (that day's edition, the five a reader
 * without preferences got) and {@code /archive.atom} (the newest editions as an Atom feed). Only editions that were
 * fixed at a send are shown: the archive never chooses one. Editions expire with the table's 90-day TTL.
 */
public final class ArchivePages {
    static final int LISTED = 90, IN_FEED = 10;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private final DailySelection editions;

    public ArchivePages(DailySelection editions) {
        this.editions = editions;
    }

    WebResponse index() {
        List<String> days = editions.storedDays(LISTED);
        StringBuilder b = new StringBuilder("<p><a href=\"/archive.atom\">Atom feed</a> · <a href=\"/subscribe\">Subscribe</a></p>");
        if (days.isEmpty()) b.append("<p>No editions yet.</p>");
        b.append("<ul class=\"days\">");
        for (String d : days) b.append("<li><a href=\"/archive/").append(esc(d)).append("\">").append(esc(d)).append("</a></li>");
        return Pages.page(200, "Past editions", b.append("</ul>").toString());
    }

    WebResponse day(String day) {
        Optional<DailySelection.Edition> e = DAY.matcher(day).matches() ? editions.stored(day) : Optional.empty();
        if (e.isEmpty() || e.get().five().isEmpty()) return Pages.error(404, "No edition for this day", "See the list of past editions at /archive.");
        return Pages.page(200, "Podcast Insights, " + day, cards(e.get())
                + "<p><a href=\"/archive\">All editions</a> · <a href=\"/subscribe\">Subscribe</a></p>");
    }

    private static String cards(DailySelection.Edition e) {
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (Insight i : e.five()) {
            b.append("<div class=\"card insight\"><p><strong>").append(n++).append(".</strong> ").append(esc(i.text()))
                    .append("</p><p class=\"meta\">").append(esc(i.podcastTitle())).append(" — ").append(esc(i.episodeTitle()))
                    .append(" · ").append(i.fromShowNotes() ? "from the show notes" : MailText.timestamp(i.startSeconds())).append("</p>");
            if (!e.alsoOn(i).isEmpty()) b.append("<p class=\"meta\">Also discussed on: ").append(esc(String.join(", ", e.alsoOn(i)))).append("</p>");
            String listen = !i.fromShowNotes() && MailText.isWebLink(i.link()) ? i.link().trim()
                    : MailText.isWebLink(i.episodeUrl()) ? i.episodeUrl().trim() : null;
            if (listen != null) b.append("<p><a href=\"").append(esc(listen)).append("\" rel=\"noopener\">Listen</a></p>");
            b.append("</div>");
        }
        return b.toString();
    }

    WebResponse atom(String base) {
        List<String> days = editions.storedDays(IN_FEED);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .append("<title>Podcast Insights</title><id>").append(esc(base)).append("archive</id>")
                .append("<link rel=\"self\" href=\"").append(esc(base)).append("archive.atom\"/>")
                .append("<link rel=\"alternate\" href=\"").append(esc(base)).append("archive\"/>")
                .append("<updated>").append(days.isEmpty() ? "1970-01-01" : esc(days.get(0))).append("T00:00:00Z</updated>")
                .append("<author><name>Podcast Insights</name></author>\n");
        for (String d : days) {
            Optional<DailySelection.Edition> e = editions.stored(d);
            if (e.isEmpty() || e.get().five().isEmpty()) continue;
            // the content is HTML carried as escaped text: escaped twice over, feed text can never become markup
            b.append("<entry><title>Podcast Insights, ").append(esc(d)).append("</title><id>").append(esc(base))
                    .append("archive/").append(esc(d)).append("</id><link href=\"").append(esc(base)).append("archive/")
                    .append(esc(d)).append("\"/><updated>").append(esc(d)).append("T00:00:00Z</updated>")
                    .append("<content type=\"html\">").append(esc(cards(e.get()))).append("</content></entry>\n");
        }
        return new WebResponse(200, b.append("</feed>\n").toString(), "application/atom+xml; charset=utf-8");
    }
}
