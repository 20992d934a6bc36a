package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;

import java.util.List;
import java.util.Map;

import static com.podcastinsights.digest.MailText.escapeHtml;
import static com.podcastinsights.digest.MailText.isWebLink;
import static com.podcastinsights.digest.MailText.plain;

/**
 * One subscriber's email in two parts with the same content. The HTML is laid out with tables (a 600px column,
 * fixed for Outlook on Windows, which ignores {@code max-width}, fluid below 600px elsewhere) and inline styles
 * only: no {@code <style>} block, {@code @media}, {@code box-sizing} or {@code overflow-wrap}, which major
 * clients drop ({@code EmailLintTest} checks the output against the Can I Email data; docs/email.md lists the
 * clients). No remote images (blocked by default and a tracking signal); colours that read on light and dark
 * backgrounds. Every string from a feed is escaped: titles and transcripts are written by strangers.
 *
 * <p>The parts of one insight and of the page are separate methods ({@link #actionsHtml}, {@link #footerHtml}
 * and their text twins), so per-insight links and footer links have one place each.
 */
public final class DigestRenderer {
    static final String PRODUCT = "Podcast Insights";
    private static final String LINK = "color:#1d4ed8;";
    private static final String META = "font-size:14px;line-height:20px;color:#52525b;";
    private static final String FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;";
    private final String postalAddress;

    /** A footer without a postal address (sample renders, tests). */
    public DigestRenderer() {
        this(null);
    }

    /** {@code postalAddress}: the sender's postal address, shown in every footer (bulk-mail law asks for one). */
    public DigestRenderer(String postalAddress) {
        this.postalAddress = postalAddress == null || postalAddress.isBlank() ? null : plain(postalAddress);
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
        return new RenderedDigest(DigestHeadline.subject(day, insights), text(day, insights, footer, alsoOn, links),
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

    static final String ALSO_ON = "Also discussed on: ";

    private static List<String> alsoOn(Map<String, List<String>> alsoOn, Insight i) {
        return alsoOn == null ? List.of() : alsoOn.getOrDefault(i.id(), List.of()).stream()
                .map(MailText::plain).filter(s -> !s.isEmpty()).toList();
    }

    private String why(Footer f) {
        return "You get this email because " + (f.email() == null ? "you" : f.email())
                + " subscribed to the " + PRODUCT + " daily digest.";
    }

    private static String topics(Footer f) {
        return f.topics() == null || f.topics().isEmpty()
                ? "You have no topics set, so you get the best insights of all shows."
                : "Your topics: " + String.join(", ", f.topics().stream().map(MailText::plain).toList()) + ".";
    }

    /**
     * Who said it and where: "Maya Okafor · The Show — The Episode · 12:34". An insight from the show notes was
     * written, not said: it says so instead of a made-up 0:00, and names no speaker.
     */
    static String attribution(Insight i) {
        String speaker = i.fromShowNotes() ? null : MailText.speakerName(i.speaker());
        return (speaker == null ? "" : speaker + " · ") + plain(i.podcastTitle()) + " — " + plain(i.episodeTitle())
                + " · " + (i.fromShowNotes() ? "from the show notes" : MailText.timestamp(i.startSeconds()));
    }

    private static boolean listenable(Insight i) {
        return !i.fromShowNotes() && isWebLink(i.link());
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

    private static String heading(int n) {
        return "Today's top " + n + " podcast insights";
    }

    private String text(String day, List<Insight> insights, Footer f, Map<String, List<String>> also, Links links) {
        StringBuilder b = new StringBuilder(browserLinkText(links));
        b.append(PRODUCT).append(" · ").append(DigestHeadline.longDate(day)).append('\n')
                .append(heading(insights.size())).append("\n\n");
        int n = 1;
        if (thinDay(insights)) b.append(thinDayNote(insights.size())).append("\n\n");
        for (Insight i : insights) {
            b.append(n++).append(". ").append(plain(i.text())).append('\n');
            b.append("   ").append(attribution(i)).append('\n');
            List<String> others = alsoOn(also, i);
            if (!others.isEmpty()) b.append("   ").append(ALSO_ON).append(String.join(", ", others)).append('\n');
            actionsText(b, i);
            b.append(feedbackText(links, i));
            b.append('\n');
        }
        b.append("-- \n");
        footerText(b, f, links);
        return b.toString();
    }

    /** One insight's links in the text part, each on its own line. */
    private static void actionsText(StringBuilder b, Insight i) {
        if (listenable(i)) {
            b.append("   Listen at ").append(MailText.timestamp(i.startSeconds())).append(": ")
                    .append(i.link().trim()).append('\n');
        }
        if (isWebLink(i.episodeUrl())) b.append("   Episode page: ").append(i.episodeUrl().trim()).append('\n');
    }

    private void footerText(StringBuilder b, Footer f, Links links) {
        b.append(why(f)).append('\n');
        // no "reply to change your topics" and no unsubscribe mailbox: nothing reads replies or that mailbox
        b.append(topics(f)).append('\n');
        b.append(preferencesText(links));
        if (f.unsubscribeUrl() != null) {
            b.append("Unsubscribe with one click: ").append(f.unsubscribeUrl()).append('\n');
        }
        if (postalAddress != null) b.append(PRODUCT).append(" · ").append(postalAddress).append('\n');
    }

    private String html(String day, List<Insight> insights, Footer f, Map<String, List<String>> also, Links links) {
        String date = DigestHeadline.longDate(day);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
                .append("<title>").append(PRODUCT).append(" · ").append(escapeHtml(date)).append("</title>\n")
                .append("</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#f4f4f5;\">\n")
                // the preheader: the inbox's preview line, hidden in the message itself
                .append("<div class=\"preheader\" style=\"display:none;font-size:1px;line-height:1px;color:#f4f4f5;")
                .append("mso-hide:all;\">").append(escapeHtml(DigestHeadline.preheader(insights))).append("</div>\n")
                // the page: clients that drop <body> styles keep the wrapper table's colours
                .append("<table class=\"page\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" bgcolor=\"#f4f4f5\" style=\"background-color:#f4f4f5;\">\n<tr>\n<td align=\"center\"")
                .append(" style=\"padding:24px 8px;\">\n")
                // 600px in Outlook on Windows (the attribute); fluid up to 600px everywhere else
                .append("<table class=\"column\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"width:100%;max-width:600px;").append(FONT)
                .append("font-size:16px;line-height:24px;color:#18181b;\">\n")
                .append("<tr><td style=\"padding:0 0 16px 0;\">\n")
                .append(browserLinkHtml(links))
                .append("<p class=\"date\" style=\"margin:0;").append(META).append("\">").append(PRODUCT).append(" · ")
                .append(escapeHtml(date)).append("</p>\n")
                .append("<h1 style=\"margin:0;font-size:22px;line-height:30px;\">").append(heading(insights.size()))
                .append("</h1>\n");
        if (thinDay(insights)) {
            b.append("<p class=\"thin\" style=\"margin:8px 0 0 0;").append(META).append("\">")
                    .append(escapeHtml(thinDayNote(insights.size()))).append("</p>\n");
        }
        b.append("</td></tr>\n");
        int n = 1;
        for (Insight i : insights) card(b, n++, i, alsoOn(also, i), links);
        b.append("<tr><td class=\"footer\" style=\"padding:8px 0 0 0;font-size:12px;line-height:18px;color:#52525b;\">\n");
        footerHtml(b, f, links);
        b.append("</td></tr>\n</table>\n</td>\n</tr>\n</table>\n</body>\n</html>\n");
        return b.toString();
    }

    /** One insight as a card: a one-cell table with a border (square corners where border-radius is unknown). */
    private static void card(StringBuilder b, int n, Insight i, List<String> others, Links links) {
        b.append("<tr><td style=\"padding:0 0 16px 0;\">\n")
                .append("<table class=\"card insight\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" bgcolor=\"#ffffff\" style=\"background-color:#ffffff;border:1px solid #d4d4d8;")
                .append("border-radius:8px;\">\n<tr><td style=\"padding:16px;\">\n")
                .append("<p class=\"text\" style=\"margin:0 0 8px 0;\"><strong>").append(n).append(".</strong> ")
                .append(escapeHtml(MailText.breakable(i.text()))).append("</p>\n")
                .append("<p class=\"meta\" style=\"margin:0 0 8px 0;").append(META).append("\">")
                .append(escapeHtml(MailText.breakable(attribution(i)))).append("</p>\n");
        if (!others.isEmpty()) {
            b.append("<p class=\"meta also\" style=\"margin:0 0 8px 0;").append(META).append("\">")
                    .append(escapeHtml(ALSO_ON + String.join(", ", others))).append("</p>\n");
        }
        actionsHtml(b, i);
        b.append(feedbackHtml(links, i));
        b.append("</td></tr>\n</table>\n</td></tr>\n");
    }

    /** One insight's row of links: listen at the moment, the episode page. */
    private static void actionsHtml(StringBuilder b, Insight i) {
        b.append("<p class=\"actions\" style=\"margin:0;font-size:14px;line-height:20px;\">");
        if (listenable(i)) {
            b.append(link(i.link().trim(), "Listen at " + MailText.timestamp(i.startSeconds())));
        }
        if (isWebLink(i.episodeUrl())) {
            if (listenable(i)) b.append(" · ");
            b.append(link(i.episodeUrl().trim(), "Episode page"));
        }
        b.append("</p>\n");
    }

    private void footerHtml(StringBuilder b, Footer f, Links links) {
        b.append("<p style=\"margin:0 0 8px 0;\">").append(escapeHtml(why(f))).append("</p>\n")
                .append("<p style=\"margin:0 0 8px 0;\">").append(escapeHtml(topics(f))).append("</p>\n")
                .append(preferencesHtml(links));
        if (f.unsubscribeUrl() != null) {
            b.append("<p style=\"margin:0 0 8px 0;\">").append(link(f.unsubscribeUrl(), "Unsubscribe with one click"))
                    .append(", or use your mail app's Unsubscribe button.</p>\n");
        }
        if (postalAddress != null) {
            b.append("<p class=\"postal\" style=\"margin:0;\">").append(PRODUCT).append(" · ")
                    .append(escapeHtml(postalAddress)).append("</p>\n");
        }
    }

    private static String link(String href, String label) {
        return "<a href=\"" + escapeHtml(href) + "\" style=\"" + LINK + "\">" + escapeHtml(label) + "</a>";
    }
}
