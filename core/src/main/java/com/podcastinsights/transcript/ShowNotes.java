package com.podcastinsights.transcript;

import com.podcastinsights.html.HtmlText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fallback when an episode has no usable transcript: its show notes, HTML stripped, one segment per
 * paragraph, all at time 0 because notes have no timing.
 *
 * <p>Notes are mostly not about the subject: guest bios with handles, lists of links and of guests, credits,
 * sponsor lines, "in this episode we talk about". Only lines that read as prose survive: not list items, no
 * web address, handle or e-mail address, not a "Label:" line or a heading, at least a sentence long. What they
 * say is then judged like speech (the extractor's boilerplate wording vetoes bios and ads in them too).
 */
public final class ShowNotes {
    public static final String SOURCE = "show-notes";
    /** Fewer words than this is a heading, a caption or a credit, not a statement. */
    static final int MIN_WORDS = 10;
    private static final Pattern LIST_ITEM_TAG = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final String LIST_MARK = "\u2022 ";
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[*\u2022\u00b7\u25aa\u25b8\u25ba\u2013\u2014+-]|\\d{1,3}[.)]|#{1,6})\\s");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)https?://|www\\.|\\b[\\w-]+\\.(?:com|org|net|io|fm|co|ly|gg|me|tv|app)\\b|(?<![\\w.])@\\w{2,}|\\S+@\\S+\\.\\w+");
    private static final Pattern LABEL = Pattern.compile("^[\\p{L}][\\p{L} '&/-]{0,30}:\\s");
    private static final Pattern FRAMING = Pattern.compile(
            "(?i)\\b(?:in|on) (?:this|today'?s|this week'?s) (?:episode|show|conversation|interview)|\\bthis week,? (?:we|i)\\b"
                    + "|\\b(?:we|i|they)(?:'re|\u2019re| are| am|'m|\u2019m)? (?:talk|chat|discuss|dig into|dive into|sit down|speak|cover"
                    + "|explore|look)(?:s|ing|ed)?\\b|\\bjoining (?:me|us|\\S+(?: \\S+)? (?:is|are))\\b"
                    + "|\\bjoin(?:s)? (?:us|me|host)\\b|\\b(?:produced|edited|mixed|hosted) by\\b|\\bmusic by\\b|\\ban? [\\w ]{1,30} production\\b"
                    + "|\\b(?:episode|season|part|chapter)s? (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\b"
                    + "|\\bcoming up\\b|\\bpreviously(?: on)?\\b|\\b(?:last|next) (?:week|time|episode)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?\u2026][\"'\u201d\u2019)]*$");

    private ShowNotes() {
    }

    public static ParsedTranscript parse(String showNotes) {
        List<Segment> segments = HtmlText.lines(paragraphs(showNotes)).stream()
                .filter(ShowNotes::statesSomething)
                .map(line -> new Segment(0, null, null, line))
                .toList();
        return new ParsedTranscript(SOURCE, segments);
    }

    private static final Pattern HTML_BLOCK = Pattern.compile("(?i)<(?:p|br|div|li|h[1-6])\\b");
    private static final Pattern WRAPPED = Pattern.compile("(?<![.!?:\\n])[ \\t]*\\R(?![ \\t]*(?:\\R|[*\u2022+-]\\s|\\d{1,3}[.)]\\s|#))");

    /**
     * One line per paragraph: in HTML a line break in the source is only a space (the tags make the blocks); in
     * plain-text notes a line that does not end a sentence is wrapped, unless the next is a list item or a blank.
     */
    private static String paragraphs(String notes) {
        if (notes == null) return null;
        if (HTML_BLOCK.matcher(notes).find()) {
            return LIST_ITEM_TAG.matcher(notes.replaceAll("\\s+", " ")).replaceAll("$0" + LIST_MARK);
        }
        return WRAPPED.matcher(notes).replaceAll(" ");
    }

    /** A line of prose about the subject, as far as its form tells. */
    static boolean statesSomething(String line) {
        if (LIST_ITEM.matcher(line).find() || ADDRESS.matcher(line).find() || LABEL.matcher(line).find()) return false;
        if (FRAMING.matcher(line).find() || !ENDS_SENTENCE.matcher(line).find()) return false;
        int words = 0;
        var m = WORD.matcher(line);
        while (m.find()) words++;
        return words >= MIN_WORDS;
    }
}
