package com.podcastinsights.html;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {
    @Test
    void showNotesDecodeEveryHtmlEntityNotOnlyTheCommonOnes() {
        assertEquals("M\u00fcnchen: \u20ac5, \u00bd price \u2192 \u03b1\u03b2",
                HtmlText.inline("<p>M&uuml;nchen: &euro;5, &frac12; price &rarr; &alpha;&beta;</p>"));
    }

    @Test
    void spacesAndInvisibleMarksReadAsTextAndUnknownNamesStayLiteral() {
        assertEquals("a b c&bogus; Q&A", HtmlText.inline("a&nbsp;b&shy; c&bogus; Q&amp;A"));
    }
}
