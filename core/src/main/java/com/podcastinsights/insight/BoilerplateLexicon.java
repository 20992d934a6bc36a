package com.podcastinsights.insight;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The wording of boilerplate, per kind, for one sentence. Broad on purpose: a vetoed sentence only removes
 * passages from the pool, and a long episode has many more good passages than a digest needs, while one ad
 * that gets through is the first thing a reader sees. English, with the commonest Spanish phrasings.
 * Patterns are matched against the lower-cased sentence.
 */
final class BoilerplateLexicon {
    private static final Pattern SPONSOR = Pattern.compile(
            "brought to you by|sponsored by|(?:our|this week'?s|today'?s|episode'?s) sponsors?\\b|\\bsponsor(?:ing|ship|ed)?\\b"
                    + "|promo code|coupon code|discount code|(?:use|enter) (?:the )?code\\b|\\bwith (?:the )?code [a-z0-9]"
                    + "|\\d+\\s*(?:%|percent) off|free trial|(?:first|one) month (?:free|for free)|limited time"
                    + "|special offer|exclusive offer|download the [\\w ]{1,30} app|(?:visit|go to|head (?:on )?over to) "
                    + "(?:[\\w-]+ ){0,2}[\\w.-]+\\s*(?:\\.|dot)\\s*(?:com|org|io|co|in|fm|net)\\b|apply (?:the )?code"
                    + "|support for (?:this|the) (?:show|podcast)|(?:is|are) supported by|(?:a|our) (?:quick |short )?"
                    + "(?:word|message) from|thanks to [\\w .&'-]{1,40} for (?:sponsoring|supporting)"
                    + "|patrocinad[oa] por|c[oó]digo de descuento");
    private static final Pattern PLUG = Pattern.compile(
            "\\bsubscrib|rate (?:and|&) review|(?:leave|give|write) (?:us )?(?:a )?(?:rating|review|five[- ]star)"
                    + "|five[- ]star|apple podcasts|google podcasts|spotify|\\bpatreon|newsletter|substack"
                    + "|support (?:the|this|our) (?:show|podcast|work)|(?:support|contribute|donate)\\b.{0,40}"
                    + "(?:page|link|show|podcast)|\\bdonat(?:e|ion)|(?:follow|find) (?:us|me|him|her|them|the show)\\b"
                    + "|(?:on|at) (?:twitter|instagram|linkedin|mastodon|bluesky|youtube|tiktok|facebook)\\b"
                    + "|show ?notes|(?:linked|link|links) (?:in|from|to|below|down)|in the description"
                    + "|(?:our|my) (?:own )?(?:courses?|books?|training|newsletter|webinar|webcast|workshop|other podcast)"
                    + "|check out (?:our|my|the) (?:courses?|books?|training|patreon|website)|live ?stream|watch (?:us )?live"
                    // a host's news of their own book or course ("I'm still working on the ... book") is a plug too
                    + "|\\b(?:i am|i'm|we are|we're) (?:still )?(?:working on|writing|finishing) (?:the|my|our) (?:[\\w-]+ ){0,5}(?:book|course)\\b"
                    // and so is pointing at one of the show's own episodes: "that one is out in the main feed"
                    + "|\\bout (?:now )?in (?:the|our) main feed\\b"
                    // or at its new or sister show: "trailers are in our new podcast"
                    + "|\\bour (?:new|other|sister) (?:podcast|show|feed|channel)\\b|\\b(?:in|on) our (?:podcast|feed|channel)\\b"
                    + "|tell (?:a|your) friends?|share (?:this|the) (?:episode|show|podcast)|become a (?:member|patron|supporter)"
                    + "|\\bmerch\\b|past episodes|previous episodes|(?:my|our|the) (?:other )?podcast (?:called|network)"
                    + "|\\ban? [\\w ]{1,30} production\\b|\\bproduced by\\b|\\bexecutive producer\\b"
                    + "|\\btraining\\b.{0,60}\\bcourses?\\b|\\b(?:i|we) (?:did|recorded|had|just did) (?:a|an) (?:\\w+ ){0,3}(?:episode|interview)\\b|\\bcourses? (?:at|over at|on) [a-z]"
                    + "|advertisers|each episode|for (?:each|every) episode|\\bsuscr[ií]b|d[eé]janos (?:una|tu) (?:rese|val)");
    private static final Pattern INTRO = Pattern.compile(
            "welcome (?:back )?(?:to|everyone|everybody|folks)\\b|^welcome back|you'?re listening to|this is episode \\d+"
                    + "|episode (?:number )?\\d+,? recorded|recorded (?:on )?(?:monday|tuesday|wednesday|thursday|friday|"
                    + "saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)"
                    + "|i'?m your host|i am your host|(?:my|our) guests? (?:today |this week )?(?:is|are)\\b|my subject (?:for )?today"
                    + "|joining (?:me|us)\\b|(?:i'?m|we'?re) joined (?:today |here )?by|with me (?:today|again|is)"
                    + "|today'?s guest|(?:on|in) (?:today'?s|this week'?s|this) (?:episode|show)\\b|on the show (?:today|this week)"
                    + "|(?:thanks|thank you) (?:so much )?for (?:having me|coming on|joining (?:me|us))|great to (?:be here|have you)"
                    + "|pleasure to (?:be here|have you)|before we (?:get started|begin|dive in|dig in|get into|kick off)"
                    + "|(?:has|have) (?:been|appeared) on (?:the|this) (?:show|podcast)|been on the show|(?:old|returning) (?:friend|guest)"
                    + "|(?:he|she)(?:'s| has| is| was) (?:written|authored|served|held|worked|appeared|been|the author|an author"
                    + "|a (?:professor|columnist|journalist|founder|fellow|director|partner|senior|former))"
                    + "|(?:he|she|they) (?:also )?(?:runs|founded|co-?founded|heads|leads|teaches|writes for|hosts)\\b"
                    + "|(?:author|co-?author|editor) of (?:the )?(?:superb|excellent|new|recent|fantastic|book|books)"
                    + "|\\b(?:is|was) (?:an? |the )?(?:[\\w-]+,? ){0,3}(?:author|co-?host|founder|co-?founder|ceo|cto"
                    + "|journalist|novelist|professor|columnist|economist|podcaster|entrepreneur|comedian)\\b"
                    + "|(?:the|this) episode is (?:about|based on)|(?:in|for) (?:this|today'?s) (?:episode|conversation),? we"
                    + "|bienvenid[oa]s? a|soy tu anfitri");
    private static final Pattern OUTRO = Pattern.compile(
            "thanks? (?:you )?(?:so much |very much )?for (?:listening|tuning in|watching|joining us|coming on|being on)"
                    + "|(?:that'?s|that is) (?:it|all) for (?:today|this week|this episode|now|us)|see you (?:next|in the next|all next)"
                    + "|until next time|catch you (?:next|later)|(?:^|\\W)(?:bye|goodbye|bye-bye)(?:\\W|$)|signing off"
                    + "|(?:where|how) can (?:people|listeners|our listeners|folks) find you|talk to you (?:next|soon)"
                    + "|thanks? (?:you )?(?:both|all|everyone) (?:so much )?for|gracias por escuchar|hasta la pr[oó]xima");
    private static final Pattern HOUSEKEEPING = Pattern.compile(
            "commercial break|(?:quick|short|little) break|(?:after|before) (?:the|this|a) (?:short |quick )?break|take a break"
                    + "|we'?ll be (?:right )?back|(?:be|we'?re|we are) back (?:right )?after|back from the break"
                    + "|(?:sound|mic|audio) check|can (?:you|everyone) hear me|we'?re (?:live|recording)"
                    + "|\\d+ minutes (?:left|remaining|to go)|has to (?:leave|go|drop off) in|running (?:out of|short (?:of|on)) time"
                    + "|(?:out of|short of|short on) time|new (?:co-?)?host|last episode (?:with|as)|housekeeping");

    private BoilerplateLexicon() {
    }

    /** In the order a sentence is tested: the first kind whose pattern matches is the sentence's. */
    private static final BoilerplateKind[] KINDS = {BoilerplateKind.SPONSOR, BoilerplateKind.HOUSEKEEPING,
            BoilerplateKind.PLUG, BoilerplateKind.INTRO, BoilerplateKind.OUTRO};
    private static final java.util.List<Pattern> PATTERNS = java.util.List.of(SPONSOR, HOUSEKEEPING, PLUG, INTRO, OUTRO);
    /**
     * The patterns are long alternations tried on every sentence of a three-hour episode; {@link PatternSet}
     * runs only the alternatives whose words the sentence has.
     */
    static final PatternSet RULES = PatternSet.of(PATTERNS);

    /** The kind of boilerplate this sentence's wording says it is, or null. */
    static BoilerplateKind kindOf(String sentence) {
        int bits = RULES.find(sentence.toLowerCase(Locale.ROOT));
        return bits == 0 ? null : KINDS[Integer.numberOfTrailingZeros(bits)];
    }

    /** Each pattern tried in turn: what {@link #kindOf} must always agree with. */
    static BoilerplateKind kindOfUnfiltered(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        for (int k = 0; k < KINDS.length; k++) if (PATTERNS.get(k).matcher(s).find()) return KINDS[k];
        return null;
    }

    /** Someone asked to introduce themselves: the answer is a bio, not the conversation. */
    static boolean asksForIntroduction(String sentence) {
        return found(ASKS_INTRODUCTION, sentence);
    }

    private static final Pattern ASKS_INTRODUCTION = Pattern.compile(
            "introduce yourself|(?:quick|brief|little|short) introduction|tell (?:us|people|listeners|everyone) "
                    + "(?:a (?:little|bit) )?(?:bit )?about yourself|who (?:you are|is \\w+) and what");

    /** Someone asked where to find them: the answer is a plug for the guest, part of the outro. */
    static boolean asksWhereToFind(String sentence) {
        return found(ASKS_WHERE, sentence);
    }

    private static final Pattern ASKS_WHERE = Pattern.compile(
            "where (?:can|should|do|could) (?:people|listeners|folks|our listeners|we|they|readers) (?:go to )?"
                    + "(?:find|follow|read|learn more|keep up|get|see|hear)");

    /** A sentence that opens the show proper: the welcome or the host naming themselves and the guest. */
    static boolean opensShow(String sentence) {
        return found(OPENER, sentence);
    }

    private static final Pattern OPENER = Pattern.compile(
            "welcome to|you'?re listening to|this is episode \\d+|i'?m your host|my guests? (?:today |this week )?(?:is|are)\\b"
                    + "|my subject (?:for )?today|bienvenid[oa]s? a");

    /** A sentence that closes the show: after it, what is said is sign-off. */
    static boolean closesShow(String sentence) {
        return found(CLOSER, sentence);
    }

    private static final Pattern CLOSER = Pattern.compile(
            "thanks? (?:you )?(?:so much |very much )?for (?:listening|tuning in|watching)"
                    + "|(?:that'?s|that is) (?:it|all) for (?:today|this week|this episode)|until next time"
                    + "|gracias por escuchar");

    private static boolean found(Pattern p, String sentence) {
        return p.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }
}
