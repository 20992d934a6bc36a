package com.podcastinsights.digest;

import com.podcastinsights.insight.Insight;

import java.util.List;

import static com.podcastinsights.digest.MailText.escapeHtml;
import static com.podcastinsights.digest.MailText.isWebLink;
import static com.podcastinsights.digest.MailText.plain;
import static com.podcastinsights.digest.MailText.timestamp;

/**
 * One day's email in two parts with the same content. The HTML is a single 600px column with inline styles
 * (mail clients drop {@code <style>} blocks or rewrite them), no remote images (blocked by default and a
 * tracking signal), and colours that read on light and dark backgrounds; a {@code prefers-color-scheme}
 * block refines them where clients honour it. Every string from a feed is escaped: titles and transcripts
 * are written by strangers.
 */
public final class DigestRenderer {
    static final int SUBJECT_LENGTH = 70;
    private final String senderAddress;

    public DigestRenderer(String senderAddress) {
        this.senderAddress = senderAddress;
    }

    public RenderedDigest render(String day, List<Insight> insights) {
        if (insights.isEmpty()) throw new IllegalArgumentException("nothing to render for " + day);
        return new RenderedDigest(subject(insights.get(0)), text(day, insights), html(day, insights));
    }

    static String subject(Insight first) {
        return MailText.shorten(first.text(), SUBJECT_LENGTH);
    }

    private String text(String day, List<Insight> insights) {
        StringBuilder b = new StringBuilder();
        b.append("Podcast Insights: today's top ").append(insights.size()).append(" (").append(day).append(")\n\n");
        int n = 1;
        for (Insight i : insights) {
            String ts = timestamp(i.startSeconds());
            b.append(n++).append(". ").append(plain(i.text())).append('\n');
            b.append("   ").append(plain(i.podcastTitle())).append(" — ").append(plain(i.episodeTitle()))
                    .append(" (").append(ts).append(")\n");
            if (isWebLink(i.link())) b.append("   Listen at ").append(ts).append(": ").append(i.link().trim()).append('\n');
            if (isWebLink(i.episodeUrl())) b.append("   Episode page: ").append(i.episodeUrl().trim()).append('\n');
            b.append('\n');
        }
        b.append("-- \n");
        b.append("You get this email because you subscribed to the Podcast Insights daily digest.\n");
        b.append("To unsubscribe, email ").append(MailText.unsubscribeAddress(senderAddress))
                .append(" with the subject \"unsubscribe\".\n");
        return b.toString();
    }

    private String html(String day, List<Insight> insights) {
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
                .append("<div class=\"page\" style=\"max-width:600px;margin:0 auto;padding:24px 16px;")
                .append("font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;")
                .append("background-color:#f4f4f5;color:#18181b;\">\n")
                .append("<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 16px 0;\">Today's top ")
                .append(insights.size()).append(" podcast insights</h1>\n");
        for (Insight i : insights) {
            String ts = timestamp(i.startSeconds());
            b.append("<div class=\"card\" style=\"background-color:#ffffff;border:1px solid #d4d4d8;border-radius:8px;")
                    .append("padding:16px;margin:0 0 16px 0;\">\n")
                    .append("<p style=\"margin:0 0 8px 0;\">").append(escapeHtml(i.text())).append("</p>\n")
                    .append("<p class=\"meta\" style=\"margin:0 0 8px 0;font-size:14px;color:#52525b;\">")
                    .append(escapeHtml(i.podcastTitle())).append(" — ").append(escapeHtml(i.episodeTitle()))
                    .append(" · ").append(ts).append("</p>\n")
                    .append("<p style=\"margin:0;font-size:14px;\">");
            boolean listen = isWebLink(i.link());
            if (listen) {
                b.append("<a href=\"").append(escapeHtml(i.link().trim())).append("\" style=\"color:#1d4ed8;\">Listen at ")
                        .append(ts).append("</a>");
            }
            if (isWebLink(i.episodeUrl())) {
                if (listen) b.append(" · ");
                b.append("<a href=\"").append(escapeHtml(i.episodeUrl().trim())).append("\" style=\"color:#1d4ed8;\">Episode page</a>");
            }
            b.append("</p>\n</div>\n");
        }
        String unsubscribe = MailText.unsubscribeAddress(senderAddress);
        b.append("<p class=\"meta\" style=\"margin:24px 0 0 0;font-size:12px;color:#52525b;\">")
                .append("You get this email because you subscribed to the Podcast Insights daily digest. ")
                .append("To unsubscribe, email <a href=\"").append(escapeHtml(MailText.unsubscribeMailto(senderAddress)))
                .append("\" style=\"color:#1d4ed8;\">").append(escapeHtml(unsubscribe))
                .append("</a> with the subject “unsubscribe”.</p>\n")
                .append("</div>\n</body>\n</html>\n");
        return b.toString();
    }
}
