package com.podcastinsights.transcript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LanguagesTest {
    private static List<Segment> text(String s) {
        return List.of(new Segment(0, null, null, s));
    }

    private static final String SPANISH = "Bienvenidos a nuestro programa. Hoy hablamos de la economía y de por qué los "
            + "precios suben cuando el banco central imprime más dinero que la economía puede usar. Es un tema que "
            + "parece difícil, pero la idea es muy simple y también muy antigua, porque ya los comerciantes la conocían.";
    private static final String ENGLISH = "The price of answering a question has fallen by ten times in two years, and "
            + "most of that came from smaller models rather than cheaper chips. That is why the bill looks so different "
            + "now, and it is also why a team with a small budget can run what was out of reach for them last year.";

    @Test
    void theWordsWinOverAFeedThatDeclaresAnotherLanguage() {
        assertEquals("es", Languages.resolve("en-us", text(SPANISH)));
    }

    @Test
    void theFeedsTagStaysWhenTheWordsAgree() {
        assertEquals("en-GB", Languages.resolve("en-GB", text(ENGLISH)));
        assertEquals("en", Languages.resolve(null, text(ENGLISH)));
    }

    @Test
    void tooFewWordsFallBackToTheFeed() {
        assertEquals("pt-BR", Languages.resolve("pt-BR", text("Oi.")));
        assertNull(Languages.resolve(null, text("Oi.")));
        assertEquals("de", Languages.primary("de-AT"));
        assertNull(Languages.primary("not a tag"));
    }
}
