package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boilerplate that the English sentence lexicon misses on shows it was not tuned on: marketing copy, value-for-value
 * plugs, a guest naming themselves, a dateline, and the wording of other languages (used for the language the
 * transcript is in). The fixtures are written for these tests.
 */
class ReadCuesTest {
    private static final String TALK = "Smaller models answer most questions for a tenth of the price, because most "
            + "questions never needed the largest model in the first place.";

    private static List<Sentence> turns(String... texts) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) out.add(new Sentence(texts[i], 600 + i * 20.0, "Host", 0, false));
        return out;
    }

    @Test
    void aPlayedPromoIsCopyEvenWithoutASponsorOrACode() {
        List<Sentence> s = turns(TALK,
                "Quillwave is transforming the newsroom as the world's first automated local weather desk.",
                "It pairs forecast models with a synthetic presenter to deliver an unmatched morning show for any market.",
                "Quillwave brings a small-town station to life.",
                TALK);
        BoilerplateKind[] kinds = Boilerplate.mark(s, ShowHistory.NONE, "en").kinds();
        assertEquals(BoilerplateKind.SPONSOR, kinds[1]);
        assertEquals(BoilerplateKind.SPONSOR, kinds[2]);
        assertEquals(BoilerplateKind.SPONSOR, kinds[3]);
        assertNull(kinds[0]);
        assertNull(kinds[4]);
    }

    @Test
    void oneFigureOfSpeechIsNotCopy() {
        List<Sentence> s = turns(TALK, "The lab still runs state of the art sequencers on a budget that has not grown in ten years.", TALK);
        assertNull(Boilerplate.mark(s, ShowHistory.NONE, "en").kinds()[1]);
    }

    @Test
    void boostsAndSupporterPlugsArePlugs() {
        assertEquals(BoilerplateKind.PLUG, ReadCues.kindOf("Or you can cheer us on by hitting the boost button in your app.", "en"));
        assertEquals(BoilerplateKind.PLUG, ReadCues.kindOf("Send us a boostagram and we will read it out next week.", "en"));
        assertEquals(BoilerplateKind.PLUG, ReadCues.kindOf("You can become a power supporter at our website.", "en"));
        assertNull(ReadCues.kindOf("Listeners who boost a show in real time pay the creators directly, which changes who they answer to.", "en"));
    }

    @Test
    void aGuestNamingThemselvesAndADatelineAreIntro() {
        assertEquals(BoilerplateKind.INTRO, ReadCues.kindOf("My name is Ada Quist and I spent ten years in radio before I moved to audio books.", "en"));
        assertEquals(BoilerplateKind.INTRO, ReadCues.kindOf("It's Thursday the 9th of May, and this is the weekly roundup.", "en"));
        assertNull(ReadCues.kindOf("The name is not what matters, and the price is what people remember.", "en"));
    }

    @Test
    void spanishWordingCountsForASpanishTranscriptOnly() {
        String welcome = "Hola, bienvenidos de nuevo a Mesa Abierta, el programa de software libre.";
        String notes = "Todos los detalles estarán en las notas del programa, con el enlace directo para entrar.";
        assertTrue(ReadCues.opensShow(welcome, "es-ES"));
        assertEquals(BoilerplateKind.PLUG, ReadCues.kindOf(notes, "es"));
        assertEquals(BoilerplateKind.OUTRO, ReadCues.kindOf("Muchas gracias por escuchar y hasta la próxima.", "es"));
        assertNull(ReadCues.kindOf(notes, "en"), "an English transcript is not read with Spanish cues");
        assertFalse(ReadCues.opensShow(welcome, null));
    }

    /** A Spanish episode whose densest passages are its welcome and its plugs: the picks are its substance. */
    @Test
    void aSpanishEpisodeGivesItsSubstanceNotItsWelcomeOrPlugs() {
        String[] texts = {
                "Hola, bienvenidos de nuevo a Mesa Abierta, el programa sobre escritorios libres y comunidades de usuarios.",
                "Hoy quería haceros un repaso de todos los grupos y canales de Mesa Abierta para que podáis participar y recibir información.",
                "El primero es el canal oficial de este podcast, donde colgamos cada episodio con las notas del programa y el enlace a la web.",
                "Si usáis mucho la aplicación de mensajería, ahí tenéis los audios también, y en las notas del programa estará el enlace directo.",
                "Los escritorios libres ganaron usuarios este año porque los portátiles antiguos funcionan mejor con ellos que con sistemas comerciales pesados.",
                "Una máquina de diez años arranca en veinte segundos con un escritorio ligero, y eso significa que las escuelas pueden reutilizar equipos en lugar de tirarlos.",
                "Las traducciones dependen de voluntarios, por eso un idioma con pocos traductores se queda atrás en cada versión y sus usuarios reciben menos funciones.",
                "Cuando un proyecto publica cada seis meses, los fallos se corrigen antes porque cada versión llega a miles de personas que informan de errores.",
                "Las comunidades locales crecen cuando hay encuentros presenciales, ya que la gente que se conoce en persona colabora durante más tiempo en línea.",
                "Un fallo de seguridad en una biblioteca compartida afecta a todas las aplicaciones que la usan, y por eso las distribuciones publican los parches en pocas horas.",
                "Los usuarios nuevos abandonan cuando la instalación pide decisiones técnicas, así que los instaladores que eligen valores por defecto retienen al doble de personas.",
                "La documentación escrita por usuarios resuelve más dudas que la oficial porque responde a los problemas reales que aparecen el primer día.",
                "El consumo de memoria bajó un tercio en la última versión gracias a que los servicios en segundo plano ahora se cargan solo cuando hacen falta.",
                "Muchas gracias por escuchar y hasta la próxima."};
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) segments.add(new Segment(i * 60.0, i * 60.0 + 59, null, texts[i]));
        Transcript t = new Transcript("f", "e", "es", "vtt", segments);
        List<RankedPassage> picks = new InsightExtractor().rank(t, 3);
        assertFalse(picks.isEmpty(), "the substance is picked");
        for (RankedPassage p : picks) {
            String text = p.sourceText();
            assertFalse(text.contains("bienvenidos") || text.contains("notas del programa") || text.contains("Hoy quería")
                    || text.contains("gracias por escuchar"), text);
        }
    }
}
