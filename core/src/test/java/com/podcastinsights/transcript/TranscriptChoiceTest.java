package com.podcastinsights.transcript;

import com.podcastinsights.feed.TranscriptLink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TranscriptChoiceTest {
    private static TranscriptLink link(String name, String type, String language) {
        return new TranscriptLink("https://example.com/" + name, type, language, null);
    }

    private static List<String> names(List<TranscriptLink> links) {
        return links.stream().map(l -> l.url().substring("https://example.com/".length())).toList();
    }

    @Test
    void jsonThenVttThenSrtThenHtmlThenText() {
        List<TranscriptLink> links = List.of(link("t", "text/plain", null), link("h", "text/html", null),
                link("s", "application/x-subrip", null), link("v", "text/vtt", null),
                link("j", "application/json", null), link("s2", "text/srt", null), link("u", "audio/mpeg", null));

        assertEquals(List.of("j", "v", "s", "s2", "h", "t", "u"), names(TranscriptChoice.inOrder(links, null)));
    }

    @Test
    void theFeedsLanguageComesBeforeABetterFormat() {
        List<TranscriptLink> links = List.of(link("es.json", "application/json", "es"),
                link("en.srt", "application/srt", "en-GB"), link("plain.vtt", "text/vtt", null),
                link("en.json", "application/json", "EN"));

        assertEquals(List.of("en.json", "plain.vtt", "en.srt", "es.json"),
                names(TranscriptChoice.inOrder(links, "en-us")));
    }

    @Test
    void withoutAFeedLanguageOnlyTheFormatCounts() {
        List<TranscriptLink> links = List.of(link("es.srt", "application/srt", "es"), link("en.json", "application/json", "en"));

        assertEquals(List.of("en.json", "es.srt"), names(TranscriptChoice.inOrder(links, " ")));
    }

    @Test
    void aTranscriptsLanguageIsItsOwnElseTheFeeds() {
        assertEquals("fr", TranscriptChoice.languageOf(link("a", "text/vtt", "fr"), "en"));
        assertEquals("en", TranscriptChoice.languageOf(link("a", "text/vtt", " "), "en"));
        assertNull(TranscriptChoice.languageOf(link("a", "text/vtt", null), null));
    }
}
