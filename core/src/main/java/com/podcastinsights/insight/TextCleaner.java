package com.podcastinsights.insight;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes spoken text readable in an email without changing what was said: drops hesitations ("um", "uh"),
 * a parenthetical "you know", stutters ("that that") and the conjunction a speaker opened with ("So, ...").
 * The exact passage is kept next to it as {@code sourceText}, so nothing here has to be reversible.
 */
final class TextCleaner {
    /** Backchannels said while someone else talks ("uh-huh", "mm-hmm"): noise in a passage, like a hesitation. */
    private static final Pattern BACKCHANNEL = Pattern.compile("(?i)(?<![\\p{L}'-])(?:uh-huh|mm-hmm|mm-hm|mhm)(?![\\p{L}'-])[,.…]?\\s*");
    private static final Pattern HESITATION = Pattern.compile("(?i)(?<![\\p{L}'-])(?:u+m+|u+h+|erm|uhm|er|hmm+|mm+)(?![\\p{L}'-])[,.…]?\\s*");
    /** A sentence whose first word was a hesitation now starts in lower case. */
    private static final Pattern LOWER_AFTER_END = Pattern.compile("([.!?]\\s+)(\\p{Ll})");
    private static final Pattern YOU_KNOW = Pattern.compile("(?i)(?:,\\s*)?\\byou know\\b(?:\\s*,|(?=\\s*[.!?;]))");
    private static final Pattern I_MEAN = Pattern.compile("(?i)(?:^|(?<=[,.;]))\\s*i mean,\\s*");
    private static final Pattern HYPHEN_STUTTER = Pattern.compile("(?i)\\b([\\p{L}']+)-\\s+(?=\\1\\b)");
    private static final Pattern STUTTER = Pattern.compile("(?i)\\b([\\p{L}']+)(?:,?\\s+\\1\\b)+");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:(?:so|and|but|well|okay|ok|yeah|now|like)\\b[,]?\\s+)+");

    private TextCleaner() {
    }

    static String clean(String text) {
        String s = text.replaceAll("\\s+", " ").trim();
        s = BACKCHANNEL.matcher(s).replaceAll("");
        s = HESITATION.matcher(s).replaceAll("");
        s = YOU_KNOW.matcher(s).replaceAll("");
        s = I_MEAN.matcher(s).replaceAll(" ");
        s = HYPHEN_STUTTER.matcher(s).replaceAll("");
        s = collapseStutters(s);
        s = s.replaceAll("\\s+([,.;:!?])", "$1").replaceAll(",(?:\\s*,)+", ",").replaceAll(",\\s*([.!?])", "$1");
        s = s.replaceAll("\\s+", " ").trim();
        s = s.replaceAll("^[,;:]\\s*", "").replaceAll("\\s*[,;:]$", "");
        String withoutLead = LEADING.matcher(s).replaceFirst("");
        if (Words.count(withoutLead) >= 3) s = withoutLead;
        if (s.isEmpty()) return s;
        // machine transcripts write the pronoun in lower case
        s = s.replaceAll("(?<![\\p{L}'])i(?=$|[\\s,.;:!?]|'(?:m|ve|d|ll)\\b)", "I");
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        s = LOWER_AFTER_END.matcher(s).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(java.util.Locale.ROOT));
        if (!s.matches("(?s).*[.!?…][\"'”’)]*$")) s = s + ".";
        return s;
    }

    private static String collapseStutters(String s) {
        Matcher m = STUTTER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // "had had" is grammar, not a stutter
            String keep = m.group(1).equalsIgnoreCase("had") ? m.group() : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(keep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
