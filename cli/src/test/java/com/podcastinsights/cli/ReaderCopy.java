package com.podcastinsights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader must never find in an insight: a guest's bio or introduction, a list, a link or a handle, ad copy,
 * "in this episode we talk about" framing. Shared by the tests of the digest built from the samples and from real
 * feeds, so both hold insights to the same words.
 */
final class ReaderCopy {
    /** Each kind of copy with the wording that gives it away. */
    static final Map<String, Pattern> FORBIDDEN = Map.of(
            "link", Pattern.compile("(?i)\\bhttps?://|\\bwww\\.|\\b[a-z0-9-]+\\.(?:com|org|net|io|fm|co|ly|me|tv)\\b(?!\\.\\w)"),
            "handle", Pattern.compile("(?<![\\w.@])@[A-Za-z0-9_]{2,}"),
            "list", Pattern.compile("(?m)^\\s*(?:[-*•·–]|\\d{1,2}[.)])\\s|\\s[•·]\\s|\\s\\*\\s"),
            "bio", Pattern.compile("(?i)\\b(?:is|was) (?:an? |the )?(?:[\\w-]+,? ){0,3}(?:author|host|co-?host|founder|"
                    + "co-?founder|producer|journalist|writer|novelist|professor|director|ceo|editor|researcher|"
                    + "comedian|podcaster|musician|analyst|consultant|manager|officer|engineer|entrepreneur|speaker|"
                    + "coach|expert|scientist|economist|lawyer|attorney|pastor|teacher|artist|designer|developer|"
                    + "investor|advocate)\\b|\\b(?:he|she|they) (?:has|have) (?:written|authored|published|appeared)\\b"
                    + "|\\b(?:is|was) (?:an?|the) [\\w-]+ (?:at|with|for|from) (?:the )?(?-i:\\p{Lu})|\\bthe author of\\b"
                    + "|\\bfollow (?:him|her|them|us|me)\\b|\\b(?:his|her|their) (?:latest |new )?book\\b"
                    + "|\\bjoin(?:s|ing|ed) (?:us|me|the show|the podcast)\\b|\\bjoining (?:me|us|(?-i:\\p{Lu})[\\w'’]*(?: (?-i:\\p{Lu})[\\w'’]*)?)"
                    + " (?:is|are|this week|today)\\b|\\breturns? to (?:discuss|talk|the show)\\b|\\bmy guest\\b"),
            "framing", Pattern.compile("(?i)\\bin (?:this|today['’]s|this week['’]s) episode\\b|\\b(?:today|this week),? "
                    + "(?:we|I)(?:['’]re| are| am|['’]m)? (?:talk|discuss|chat|look|dig|dive)|\\bwe (?:discuss|talk about|chat about)\\b"
                    + "|\\bon (?:this|today['’]s) episode\\b|\\btune in\\b|\\b(?:asks|talks (?:to|with)|speaks (?:to|with)"
                    + "|sits down with|chats with|is joined by|welcomes) (?:\\p{L}+ )?(?-i:\\p{Lu})"),
            "ad", Pattern.compile("(?i)\\bsponsor(?:ed|s)?\\b|\\bpromo(?:tion(?:al)?)? code\\b|\\buse (?:the )?code\\b|"
                    + "\\bbrought to you by\\b|\\bsupported by\\b|\\bdiscount\\b|\\d+ ?(?:%|percent) off\\b|"
                    + "\\bfree trial\\b|\\bat checkout\\b"));

    private static final Pattern CARD = Pattern.compile(
            "<table class=\"card insight\"[^>]*>\\s*<tr><td[^>]*>\\s*<p[^>]*>(?:<strong>\\d+\\.</strong>\\s*)?(.*?)</p>",
            Pattern.DOTALL);

    private ReaderCopy() {
    }

    /** The kinds of forbidden copy in {@code text}, each with the words that matched; empty when it is clean. */
    static List<String> violations(String text) {
        List<String> found = new ArrayList<>();
        for (var e : FORBIDDEN.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.find()) found.add(e.getKey() + " (\"" + m.group().strip() + "\")");
        }
        return found;
    }

    /** The insight texts of a digest email's HTML copy, in order, unescaped. */
    static List<String> insightsOfHtml(Path html) throws IOException {
        Matcher m = CARD.matcher(Files.readString(html));
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(unescape(m.group(1)));
        return out;
    }

    private static String unescape(String s) {
        // the renderer's break opportunities in long words are not part of the text
        return s.replaceAll("<[^>]+>", "").replace("\u200B", "").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").strip();
    }
}
