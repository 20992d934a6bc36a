package com.podcastinsights.insight;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Boilerplate wording that {@link BoilerplateLexicon}'s per-sentence patterns miss, found on shows the lexicon was
 * not tuned on:
 * <ul>
 *   <li><b>Marketing copy</b>: a played promo or an ad written by a copywriter ("the world's first", "unmatched",
 *   "brings X to life") names no sponsor and asks for no code. One such phrase is a figure of speech; two in a
 *   sentence, or in neighbouring sentences of one turn, are copy ({@link #promoCues}).</li>
 *   <li><b>Value-for-value plugs</b>: boosts, boostagrams, "power supporter", "grow the show".</li>
 *   <li><b>Self-introductions and datelines</b>: "My name is ... and", "It's Friday the 17th of March".</li>
 *   <li><b>Other languages</b>: the welcome, plugs, sponsor reads and sign-off of Spanish shows, used for a
 *   transcript detected as Spanish.</li>
 * </ul>
 * Patterns are matched against the lower-cased sentence; each list of words is a cheap pre-check (every
 * alternative of the pattern contains one of them).
 */
final class ReadCues {
    private static final Pattern PROMO = Pattern.compile(
            "world'?s (?:first|leading|best|most)|revolutioniz|\\bunmatched\\b|\\bunparalleled\\b|industry[- ]leading"
                    + "|state[- ]of[- ]the[- ]art|cutting[- ]edge|best[- ]in[- ]class|game[- ]chang|combines the power of"
                    + "|\\bbrings? (?:[\\w-]+ ){1,4}to life|\\bseamless(?:ly)?\\b|all[- ]in[- ]one|hassle[- ]free|\\bmade easy\\b"
                    + "|(?:remarkable|award[- ]winning|world[- ]class) (?:customer )?(?:support|service)|powerful tools"
                    + "|sign up (?:today|now|for free)|(?:try|get) it (?:free|today|now)|\\bsolution for (?:any|every)\\b"
                    + "|for any (?:market|business|budget|format)");

    private static final Pattern PLUG = Pattern.compile(
            "boost(?:a|o|er)? ?grams?\\b|boost button|send (?:us|me) (?:a )?boost|(?:support|thank) (?:us|the show) with"
                    + "|power supporter|grow the show|get updated every|(?:in|to) (?:our|the) newsletter|(?:link|links) (?:you'll|you will) find"
                    + "|(?:is|are) (?:available )?in (?:our|the) show ?notes");

    private static final Pattern INTRO = Pattern.compile(
            "(?:^|\\W)my name(?:'s| is) [\\w.-]+(?: [\\w.-]+)?,? and\\b|^(?:and )?it'?s (?:monday|tuesday|wednesday|thursday"
                    + "|friday|saturday|sunday),? (?:the )?\\d");

    /**
     * Spanish, the one other language we have real episodes in to check the wording against; another language's
     * cues go beside these when there are episodes to check them on (each added pattern costs the Lambda jars' size budget).
     */
    private static final Pattern ES_OPENER = Pattern.compile(
            "bienvenid[oa]s? (?:de (?:nuevo|vuelta) )?(?:a|al)\\b|est[aá]is escuchando|est[aá]s escuchando"
            + "|soy (?:tu|vuestro|su) anfitri");
    private static final Pattern ES_SPONSOR = Pattern.compile(
            "patrocinad[oa]|patrocinador|c[oó]digo (?:de )?descuento|prueba gratuita|gracias a [\\w ]{1,30} por (?:patrocinar|apoyar)"
            + "|\\d+ ?% de descuento");
    private static final Pattern ES_PLUG = Pattern.compile(
            "notas del (?:programa|episodio)|\\benlaces?\\b|suscr[ií]b|s[ií]gue(?:nos|me)\\b|s[ií]guenos"
            + "|d[eé]j(?:a|ad|en)(?:nos|me)? (?:un |una |tu |vuestro |vuestra |su )?(?:comentario|rese[ñn]|valoraci|like|me gusta|estrellas)"
            + "|comp[aá]rt(?:e|id|an)(?:lo|la|nos)?\\b|ap[oó]ya(?:r|nos)? (?:el|al|este|nuestro) (?:programa|podcast|proyecto)"
            + "|(?:este|nuestro) (?:podcast|programa|canal)|canal (?:oficial|de telegram|de youtube)|redes sociales"
            + "|\\bpatreon|\\bfeed\\b|nuevo episodio|(?:en|a) (?:la|nuestra) (?:web|p[aá]gina)");
    private static final Pattern ES_INTRO = Pattern.compile(
            "(?:en|durante) (?:este|el) (?:episodio|programa) (?:de hoy )?(?:vamos|hablaremos|os|les|te)"
            + "|\\bhoy (?:quer[ií]a|quiero|vamos a|os traigo|les traigo|te traigo|hablamos|hablaremos)"
            + "|voy a hacer(?:os|les)? un (?:resumen|repaso)|mi invitad[oa] (?:de hoy )?es|nos acompa[ñn]a");
    private static final Pattern ES_OUTRO = Pattern.compile(
            "gracias por (?:escuchar|estar ah[ií]|acompa[ñn]ar)|hasta la pr[oó]xima|nos (?:vemos|escuchamos|o[ií]mos) en"
            + "|un saludo|\\badi[oó]s\\b|\\bchao\\b|hasta luego");

    /** PLUG, INTRO and PROMO asked at once: only the alternatives whose words occur run ({@link PatternSet}). */
    private static final PatternSet CUES = PatternSet.of(PLUG, INTRO, PROMO);
    private static final int PLUG_BIT = 1, INTRO_BIT = 2, PROMO_BIT = 4;

    private ReadCues() {
    }

    /** The kind of boilerplate this sentence's wording says it is, beyond {@link BoilerplateLexicon}, or null. */
    static BoilerplateKind kindOf(String sentence, String language) {
        String s = sentence.toLowerCase(Locale.ROOT);
        int cues = CUES.find(s);
        if ((cues & PLUG_BIT) != 0) return BoilerplateKind.PLUG;
        if ((cues & INTRO_BIT) != 0) return BoilerplateKind.INTRO;
        if (!spanish(language)) return null;
        if (ES_SPONSOR.matcher(s).find()) return BoilerplateKind.SPONSOR;
        if (ES_PLUG.matcher(s).find()) return BoilerplateKind.PLUG;
        if (ES_OPENER.matcher(s).find() || ES_INTRO.matcher(s).find()) return BoilerplateKind.INTRO;
        if (ES_OUTRO.matcher(s).find()) return BoilerplateKind.OUTRO;
        return null;
    }

    /** The welcome of a show in this language ({@link BoilerplateLexicon#opensShow} has the English one). */
    static boolean opensShow(String sentence, String language) {
        return spanish(language) && ES_OPENER.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }

    /** How many marketing-copy phrases the sentence holds. */
    static int promoCues(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        if ((CUES.find(s) & PROMO_BIT) == 0) return 0;
        int n = 0;
        var m = PROMO.matcher(s);
        while (m.find()) n++;
        return n;
    }

    /**
     * Marketing copy: sentences with two promo phrases, or with one and another within {@code reach} sentences of
     * the same turn. Returns which sentences are copy.
     */
    static boolean[] promoCopy(List<Sentence> sentences, int reach) {
        int n = sentences.size();
        int[] cues = new int[n];
        for (int i = 0; i < n; i++) cues[i] = promoCues(sentences.get(i).text());
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (cues[i] == 0) continue;
            if (cues[i] >= 2) {
                out[i] = true;
                continue;
            }
            for (int k = Math.max(0, i - reach); k <= Math.min(n - 1, i + reach) && !out[i]; k++) {
                if (k != i && cues[k] > 0 && sentences.get(k).turn() == sentences.get(i).turn()) out[i] = true;
            }
        }
        return out;
    }

    private static boolean spanish(String language) {
        return "es".equals(com.podcastinsights.transcript.Languages.primary(language));
    }
}
