package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;

import java.util.List;
import java.util.Map;

import static com.podcastinsights.digest.MailText.escapeHtml;
import static com.podcastinsights.digest.MailText.isWebLink;
import static com.podcastinsights.digest.MailText.plain;
import static com.podcastinsights.digest.MailText.timestamp;

/**
 * One subscriber's email in two parts with the same content. The HTML is a single column of at most 600px
 * with inline styles (mail clients drop {@code <style>} blocks or rewrite them), no remote images (blocked by
 * default and a tracking signal), and colours that read on light and dark backgrounds; a
 * {@code prefers-color-scheme} block refines them where clients honour it. Long words and URLs wrap instead
 * of widening the page on a phone. Every string from a feed is escaped: titles and transcripts are written by
 * strangers.
 */
public final class DigestRenderer {
    static final int SUBJECT_LENGTH = 70;
    private static final String LINK = "color:#1d4ed8;";
    private final String senderAddress;

    public DigestRenderer(String senderAddress) {
        this.senderAddress = senderAddress;
    }

    /**
     * What the footer tells one reader: who they are, their topics, and where to unsubscribe ({@code null}
     * unsubscribeUrl: no unsubscribe line, as in a sample render; every sent digest has its reader's link).
     */
    public record Footer(String email, List<String> topics, String unsubscribeUrl) {
        public static Footer none() {
            return new Footer(null, List.of(), null);
        }
    }

    public RenderedDigest render(String day, List<Insight> insights) {
        return render(day, insights, Footer.none());
    }

    public RenderedDigest render(String day, List<Insight> insights, Footer footer) {
        return render(day, insights, footer, Map.of());
    }

    /**
     * {@code alsoOn}: by insight id, the other shows that raised the same point that day, named under the
     * insight ("Also discussed on: …").
     */
    public RenderedDigest render(String day, List<Insight> insights, Footer footer, Map<String, List<String>> alsoOn) {
        return render(day, insights, footer, alsoOn, Links.none());
    }

    /** {@code links}: the reader's web links (view in browser, preferences, feedback per insight). */
    public RenderedDigest render(String day, List<Insight> insights, Footer footer, Map<String, List<String>> alsoOn,
                                 Links links) {
        if (insights.isEmpty()) throw new IllegalArgumentException("nothing to render for " + day);
        return new RenderedDigest(subject(insights.get(0)), text(day, insights, footer, alsoOn, links),
                html(day, insights, footer, alsoOn, links));
    }

    /**
     * One reader's links into the reader web; a null member (or a missing insight id) is left out of the email.
     * {@code useful} and {@code notForMe} are by insight id.
     */
    public record Links(String viewInBrowser, String preferences, Map<String, String> useful, Map<String, String> notForMe) {
        public Links {
            useful = useful == null ? Map.of() : Map.copyOf(useful);
            notForMe = notForMe == null ? Map.of() : Map.copyOf(notForMe);
        }

        public static Links none() {
            return new Links(null, null, Map.of(), Map.of());
        }
    }

    // the reader-web links: one helper per link and part, so the layout around them can change freely

    private static String browserLinkText(Links l) {
        return l.viewInBrowser() == null ? "" : "View in your browser: " + l.viewInBrowser() + "\n\n";
    }

    private static String browserLinkHtml(Links l) {
        return l.viewInBrowser() == null ? "" : "<p class=\"meta\" style=\"margin:0 0 12px 0;font-size:12px;color:#52525b;\">"
                + link(l.viewInBrowser(), "View in your browser") + "</p>\n";
    }

    private static String feedbackText(Links l, Insight i) {
        String yes = l.useful().get(i.id()), no = l.notForMe().get(i.id());
        return yes == null || no == null ? "" : "   Useful: " + yes + "\n   Not for me: " + no + "\n";
    }

    private static String feedbackHtml(Links l, Insight i) {
        String yes = l.useful().get(i.id()), no = l.notForMe().get(i.id());
        return yes == null || no == null ? "" : "<p class=\"feedback\" style=\"margin:8px 0 0 0;font-size:14px;\">"
                + link(yes, "Useful") + " · " + link(no, "Not for me") + "</p>\n";
    }

    private static String preferencesText(Links l) {
        return l.preferences() == null ? "" : "Change your topics, time, shows or pause: " + l.preferences() + "\n";
    }

    private static String preferencesHtml(Links l) {
        return l.preferences() == null ? "" : "<p style=\"margin:0 0 8px 0;\">" + link(l.preferences(), "Change your preferences")
                + ": topics, time, shows, or a pause.</p>\n";
    }

    private static String link(String url, String label) {
        return "<a href=\"" + escapeHtml(url) + "\" style=\"" + LINK + "\">" + escapeHtml(label) + "</a>";
    }

    static final String ALSO_ON = "Also discussed on: ";

    private static List<String> alsoOn(Map<String, List<String>> alsoOn, Insight i) {
        return alsoOn == null ? List.of() : alsoOn.getOrDefault(i.id(), List.of()).stream()
                .map(MailText::plain).filter(s -> !s.isEmpty()).toList();
    }

    static String subject(Insight first) {
        return MailText.shorten(first.text(), SUBJECT_LENGTH);
    }

    private String why(Footer f) {
        return "You get this email because " + (f.email() == null ? "you" : f.email())
                + " subscribed to the Podcast Insights daily digest.";
    }

    private static String topics(Footer f) {
        return f.topics() == null || f.topics().isEmpty()
                ? "You have no topics set, so you get the best insights of all shows."
                : "Your topics: " + String.join(", ", f.topics().stream().map(MailText::plain).toList()) + ".";
    }

    /**
     * Where in the episode it was said; an insight from the show notes was written, not said, so it says that
     * instead of a made-up 0:00 and gets no "listen at" link.
     */
    private static String where(Insight i) {
        return i.fromShowNotes() ? "from the show notes" : timestamp(i.startSeconds());
    }

    /** Fewer than a full digest: the day had nothing else above the quality floor, and the reader is told so. */
    private static boolean thinDay(List<Insight> insights) {
        return insights.size() < FULL_DIGEST;
    }

    static final int FULL_DIGEST = 5;

    private static String thinDayNote(int n) {
        return "A quiet day: only " + n + (n == 1 ? " insight" : " insights")
                + " cleared our quality bar, so that is all we are sending.";
    }

    private String text(String day, List<Insight> insights, Footer f, Map<String, List<String>> also, Links links) {
        StringBuilder b = new StringBuilder(browserLinkText(links));
        b.append("Podcast Insights: today's top ").append(insights.size()).append(" (").append(day).append(")\n\n");
        int n = 1;
        if (thinDay(insights)) b.append(thinDayNote(insights.size())).append("\n\n");
        for (Insight i : insights) {
            String ts = where(i);
            b.append(n++).append(". ").append(plain(i.text())).append('\n');
            b.append("   ").append(plain(i.podcastTitle())).append(" — ").append(plain(i.episodeTitle()))
                    .append(" (").append(ts).append(")\n");
            List<String> others = alsoOn(also, i);
            if (!others.isEmpty()) b.append("   ").append(ALSO_ON).append(String.join(", ", others)).append('\n');
            if (!i.fromShowNotes() && isWebLink(i.link())) {
                b.append("   Listen at ").append(ts).append(": ").append(i.link().trim()).append('\n');
            }
            if (isWebLink(i.episodeUrl())) b.append("   Episode page: ").append(i.episodeUrl().trim()).append('\n');
            b.append(feedbackText(links, i));
            b.append('\n');
        }
        b.append("-- \n");
        b.append(why(f)).append('\n');
        // no "reply to change your topics" and no unsubscribe mailbox: nothing reads replies or that mailbox
        b.append(topics(f)).append('\n');
        b.append(preferencesText(links));
        if (f.unsubscribeUrl() != null) {
            b.append("Unsubscribe with one click: ").append(f.unsubscribeUrl()).append('\n');
        }
        return b.toString();
    }

    private String html(String day, List<Insight> insights, Footer f, Map<String, List<String>> also, Links links) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
                .append("<title>Podcast Insights ").append(escapeHtml(day)).append("</title>\n")
                .append("<style>@media (prefers-color-scheme: dark) {")
                .append(" body, .page { background-color: #18181b !important; color: #e4e4e7 !important; }")
                .append(" .card { background-color: #27272a !important; border-color: #3f3f46 !important; }")
                .append(" .meta { color: #a1a1aa !important; } a { color: #93c5fd !important; } }</style>\n")
                .append("</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#f4f4f5;color:#18181b;\">\n")
                .append("<div class=\"page\" style=\"max-width:600px;margin:0 auto;padding:24px 16px;box-sizing:border-box;")
                .append("font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;")
                .append("overflow-wrap:break-word;word-wrap:break-word;background-color:#f4f4f5;color:#18181b;\">\n")
                .append(browserLinkHtml(links))
                .append("<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 16px 0;\">Today's top ")
                .append(insights.size()).append(" podcast insights</h1>\n");
        int n = 1;
        if (thinDay(insights)) {
            b.append("<p class=\"thin\" style=\"margin:0 0 16px 0;font-size:14px;color:#52525b;\">")
                    .append(escapeHtml(thinDayNote(insights.size()))).append("</p>\n");
        }
        for (Insight i : insights) {
            String ts = where(i);
            b.append("<div class=\"card insight\" style=\"background-color:#ffffff;border:1px solid #d4d4d8;border-radius:8px;")
                    .append("padding:16px;margin:0 0 16px 0;\">\n")
                    .append("<p style=\"margin:0 0 8px 0;\"><strong>").append(n++).append(".</strong> ")
                    .append(escapeHtml(i.text())).append("</p>\n")
                    .append("<p class=\"meta\" style=\"margin:0 0 8px 0;font-size:14px;color:#52525b;\">")
                    .append(escapeHtml(i.podcastTitle())).append(" — ").append(escapeHtml(i.episodeTitle()))
                    .append(" · ").append(ts).append("</p>\n");
            List<String> others = alsoOn(also, i);
            if (!others.isEmpty()) {
                b.append("<p class=\"meta also\" style=\"margin:0 0 8px 0;font-size:14px;color:#52525b;\">")
                        .append(escapeHtml(ALSO_ON + String.join(", ", others))).append("</p>\n");
            }
            b.append("<p style=\"margin:0;font-size:14px;\">");
            boolean listen = !i.fromShowNotes() && isWebLink(i.link());
            if (listen) {
                b.append("<a href=\"").append(escapeHtml(i.link().trim())).append("\" style=\"").append(LINK)
                        .append("\">Listen at ").append(ts).append("</a>");
            }
            if (isWebLink(i.episodeUrl())) {
                if (listen) b.append(" · ");
                b.append("<a href=\"").append(escapeHtml(i.episodeUrl().trim())).append("\" style=\"").append(LINK)
                        .append("\">Episode page</a>");
            }
            b.append("</p>\n").append(feedbackHtml(links, i)).append("</div>\n");
        }
        b.append("<div class=\"meta\" style=\"margin:24px 0 0 0;font-size:12px;color:#52525b;\">\n")
                .append("<p style=\"margin:0 0 8px 0;\">").append(escapeHtml(why(f))).append("</p>\n")
                .append("<p style=\"margin:0 0 8px 0;\">").append(escapeHtml(topics(f))).append("</p>\n")
                .append(preferencesHtml(links));
        if (f.unsubscribeUrl() != null) {
            b.append("<p style=\"margin:0;\"><a href=\"").append(escapeHtml(f.unsubscribeUrl())).append("\" style=\"")
                    .append(LINK).append("\">Unsubscribe with one click</a>, or use your mail app's Unsubscribe button.</p>\n");
        }
        b.append("</div>\n</div>\n</body>\n</html>\n");
        return b.toString();
    }
}
