package com.podcastinsights.web;

import com.podcastinsights.digest.MailText;
import com.podcastinsights.digest.WebResponse;

import java.util.Collection;
import java.util.List;

/** The pieces every page shares: escaping, error pages, form controls, the stylesheet and the one script. */
final class Pages {
    static final String STYLE = """
            body{margin:0;background:#f4f4f5;color:#18181b;font:16px/1.5 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif}
            main{max-width:600px;margin:0 auto;padding:24px 16px}
            h1{font-size:22px;line-height:1.3;margin:0 0 16px}
            .brand{margin:0 0 8px;font-size:14px}.brand a{color:#52525b;text-decoration:none}
            a{color:#1d4ed8}.meta{color:#52525b;font-size:14px}
            form{background:#fff;border:1px solid #d4d4d8;border-radius:8px;padding:16px;margin:0 0 16px}
            label{display:block;margin:0 0 12px}fieldset{border:0;padding:0;margin:0 0 12px}
            legend{font-weight:600;margin:0 0 4px}fieldset label{display:inline-block;margin:0 12px 4px 0}
            input[type=email],input[type=text],input[type=number],select{display:block;width:100%;max-width:360px;
            font-size:16px;padding:6px;box-sizing:border-box}
            button{font-size:16px;padding:10px 20px;border-radius:6px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff}
            button.secondary{background:#fff;color:#b91c1c;border-color:#b91c1c}
            .card{background:#fff;border:1px solid #d4d4d8;border-radius:8px;padding:16px;margin:0 0 16px}
            .card p{margin:0 0 8px}
            @media (prefers-color-scheme: dark){body{background:#18181b;color:#e4e4e7}
            form,.card{background:#27272a;border-color:#3f3f46}a{color:#93c5fd}.meta,.brand a{color:#a1a1aa}}
            """;
    /** Fills an empty time-zone field with the browser's zone; without it the field stays empty (the stack's zone). */
    static final String TIME_ZONE_SCRIPT = "document.addEventListener('DOMContentLoaded',function(){"
            + "var z=document.getElementById('time-zone');if(z&&!z.value){try{"
            + "z.value=Intl.DateTimeFormat().resolvedOptions().timeZone||'';}catch(e){}}});\n";

    private Pages() {
    }

    static String esc(String s) {
        return MailText.escapeHtml(s == null ? "" : s);
    }

    static WebResponse page(int status, String title, String bodyHtml) {
        return new WebResponse(status, WebResponse.page(title, bodyHtml));
    }

    static WebResponse error(int status, String title, String message) {
        return page(status, title, "<p>" + esc(message) + "</p>");
    }

    static WebResponse tooMany() {
        return error(429, "Too many requests", "Please wait an hour and try again.");
    }

    static WebResponse badLink() {
        return error(400, "This link is not valid", "The link is incomplete, was changed or has expired. "
                + "Use the link in your latest email.");
    }

    static WebResponse home() {
        return page(200, "Podcast Insights", "<p>The five best insights of the day's podcast episodes, in one short "
                + "email.</p><p><a href=\"/subscribe\">Subscribe</a> · <a href=\"/archive\">Read past editions</a></p>");
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    static String checkboxes(String legend, String name, Collection<String> options, Collection<String> checked) {
        StringBuilder b = new StringBuilder("<fieldset><legend>").append(esc(legend)).append("</legend>");
        for (String o : options) {
            b.append("<label><input type=\"checkbox\" name=\"").append(esc(name)).append("\" value=\"").append(esc(o))
                    .append("\"").append(checked.contains(o) ? " checked" : "").append("> ").append(esc(o)).append("</label>");
        }
        return b.append("</fieldset>").toString();
    }

    static String timeFields(String zone, Integer hour, int defaultHour) {
        StringBuilder b = new StringBuilder("<label>Time zone (e.g. Europe/Berlin; empty: the digest's own)"
                + "<input type=\"text\" id=\"time-zone\" name=\"time-zone\" maxlength=\"64\" value=\"")
                .append(esc(zone)).append("\"></label><label>Send it at<select name=\"send-hour\">");
        int selected = hour == null ? defaultHour : hour;
        for (int h = 0; h < 24; h++) {
            b.append("<option value=\"").append(h).append("\"").append(h == selected ? " selected" : "")
                    .append(">").append(String.format("%02d:00", h)).append("</option>");
        }
        return b.append("</select></label>").toString();
    }

    /** The union of {@code a} then {@code b}, each once: the stack's topics plus a reader's own. */
    static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
