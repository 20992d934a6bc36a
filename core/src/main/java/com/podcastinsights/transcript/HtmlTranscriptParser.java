package com.podcastinsights.transcript;

import com.podcastinsights.html.HtmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Podcasting 2.0 HTML transcripts: {@code <cite>Speaker:</cite> <time>0:00</time> <p>words</p>} repeated.
 * A page without that shape is read as paragraphs of text.
 */
final class HtmlTranscriptParser {
    private static final Pattern PARTS = Pattern.compile("(?is)<(cite|time|p)\\b[^>]*>(.*?)</\\1\\s*>");

    private HtmlTranscriptParser() {
    }

    static List<Segment> parse(String html) {
        List<Segment> out = new ArrayList<>();
        String speaker = null;
        double start = 0;
        boolean structured = false;
        Matcher m = PARTS.matcher(html);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = HtmlText.inline(m.group(2));
            switch (tag) {
                case "cite" -> {
                    structured = true;
                    speaker = value.replaceAll(":\\s*$", "").strip();
                    if (speaker.isEmpty()) speaker = null;
                }
                case "time" -> {
                    Double t = Timestamps.parse(value);
                    if (t != null) {
                        start = t;
                        structured = true;
                    }
                }
                default -> {
                    if (!value.isEmpty()) out.add(new Segment(start, null, speaker, value));
                }
            }
        }
        if (structured && !out.isEmpty()) return out;
        return PlainTextParser.parse(HtmlText.toText(html));
    }
}
