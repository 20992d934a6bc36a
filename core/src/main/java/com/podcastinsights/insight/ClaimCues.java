package com.podcastinsights.insight;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Does a passage state a claim and back it, the shape of the product's insights ("X, because Y, which means
 * Z")? Rewarded: a reason or mechanism, a number, a comparison. Marked down: announcing a
 * topic ("let's talk about", "this article", "it's called"), telling an anecdote ("the other day I was"),
 * bare enthusiasm ("that's so cool"), lists of names, and, unless the passage gives its reason, a news item ("has
 * joined", "is new from"), a tour of features ("there's also", "you can create") and a scene told in the past. Ad
 * copy and guest bios are dense with names and numbers, which is why substance alone cannot rank: they are vetoed
 * before this, and a claim needs a because.
 * Matched on the lower-cased text; English cues (other languages score by substance and centrality alone).
 */
final class ClaimCues {
    private static final Pattern REASON = Pattern.compile(
            "\\bbecause\\b|\\bsince (?!then|\\d)|\\bso that\\b|\\b(?:which|that|this|it) means\\b|\\bmeaning (?:that|you|we|it)\\b"
                    + "|\\bthe reason\\b|\\b(?:that|this)(?:'s| is) why\\b|\\bthanks to\\b|\\bdue to\\b|\\bas a result\\b"
                    + "|\\btherefore\\b|\\bleads? to\\b|\\bresults? in\\b|\\ballows?\\b|\\benables?\\b|\\blets (?:you|us|them)\\b"
                    + "|\\binstead of\\b|\\brather than\\b|\\bin order to\\b|\\bunless\\b|\\botherwise\\b|\\bwhereas\\b"
                    + "|\\bturns? out\\b|\\bin fact\\b|\\bthe (?:problem|point|key|lesson|risk|catch|trick|cost|danger|upside|downside) (?:is|was)\\b"
                    + "|\\bwhat matters\\b|\\bthe truth is\\b|\\btrade-?off\\b|\\bif (?:you|we|they|it|the|a)\\b.{3,80}\\b(?:then|you|it|they|we)\\b"
                    + "|\\bcaus(?:e|es|ed)\\b|\\bdepends on\\b|\\bwithout\\b|\\bso (?:you|we|it|they) (?:can|don't|won't|get|have)\\b");
    private static final Pattern NUMBER = Pattern.compile(
            "\\d|\\bpercent\\b|%|\\bhalf\\b|\\btwice\\b|\\bdouble\\b|\\btriple\\b|\\b(?:ten|hundred|thousand|million|billion)s?\\b"
                    + "|\\b(?:two|three|four|five|ten) times\\b");
    private static final Pattern COMPARISON = Pattern.compile(
            "\\b\\w+er than\\b|\\b(?:more|less|fewer) than\\b|\\bthe (?:most|least|biggest|largest|best|worst|only)\\b"
                    + "|\\bcompared (?:to|with)\\b|\\bnot (?:just|only)\\b");
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "\\blet'?s (?:jump|talk|move|look|start|kick|get|see|go|dive|hear|check)|\\bnext up\\b|\\bfirst off\\b|\\bon to the\\b"
                    + "|\\bthis (?:article|blog|post|week|episode|project|library|tool|one|video|paper|release|announcement)\\b"
                    + "|\\bsent (?:to us|in|this|us)\\b|\\blistener\\b|\\bhere'?s (?:a|an|the|my|what|how)\\b"
                    + "|\\bi want(?:ed)? to (?:talk|cover|mention|tell|share|show|start|highlight|point)"
                    + "|\\bi'?ll (?:just )?(?:run through|show|read|mention|cover|talk)|\\bif (?:we|you) (?:go|look|scroll|click|jump)"
                    + "|\\b(?:we|you|they)'?ve got\\b|\\b(?:he|she)'?s got\\b|\\bit'?s called\\b|\\bcalled\\b|\\bcheck (?:it|this|that) out\\b"
                    + "|\\bannounce|\\breleased\\b|\\bnew version\\b|\\bcame out\\b|\\bblog post\\b|\\bgithub\\b|\\bon the screen\\b"
                    + "|\\byou can see\\b|\\bi found\\b|\\bi came across\\b|\\bi saw\\b|\\bthe (?:article|post|author|readme) (?:says|said)\\b"
                    + "|\\btalk(?:ing|ed)? about\\b|\\bwe(?:'ll| will) (?:discuss|talk|get)");
    private static final Pattern ANECDOTE = Pattern.compile(
            "\\byesterday\\b|\\blast (?:week|night|year|month|time)\\b|\\bthe other day\\b|\\bwhen i was\\b|\\bi remember\\b"
                    + "|\\b(?:i|we) went\\b|\\bi was (?:at|in|on|talking|like)\\b|\\bi had (?:a|an|this)\\b"
                    + "|\\bmy (?:wife|husband|kids?|son|daughter|friend|dad|father|mom|mother)\\b|\\bstory\\b");
    /**
     * News framing: who joined, left, launched or announced what. A reader gets the event, not a point, unless
     * the passage also says why or what follows from it.
     */
    private static final Pattern NEWS = Pattern.compile(
            "\\b(?:has|have|had) (?:just |now |recently )?(?:announced|launched|released|published|posted|acquired|hired|appointed|joined|left|unveiled|shipped)\\b"
                    + "|\\b(?:has|have) been (?:made|named|appointed|promoted|hired|acquired)\\b|\\b(?:is|are) (?:new|back) (?:from|for|with|today)\\b"
                    + "|\\bnew from\\b|\\b(?:joins|joined) (?:from|as|the)\\b|\\bis celebrating\\b|\\b(?:is|are) (?:now )?out (?:now|today|this week)\\b"
                    + "|\\blaunche[sd]\\b|\\bannounced\\b|\\bunveil(?:s|ed)?\\b");
    /**
     * Describing what a thing has or does, item by item: "there's also", "you can create", "it supports", "and
     * finally". A tour of features states no claim unless a reason is given with it.
     */
    private static final Pattern DESCRIPTION = Pattern.compile(
            "\\bthere(?:'s| is| are) also\\b|\\bthere(?:'s| is) (?:a|an) (?:new|bunch|couple)\\b"
                    + "|\\byou can (?:also )?(?:use|do|create|set|add|run|extend|see|get|find|install|configure|define|write|pass|call|say|go)\\b"
                    + "|\\b(?:it|this|which) (?:also )?(?:has|comes with|supports|includes|ships with|works with|runs on|runs in|gives you|provides)\\b"
                    + "|\\b(?:also|now) (?:supports|includes|gets|adds|comes with)\\b|\\band finally\\b|\\blast but not least\\b"
                    + "|\\bthings like\\b|\\ba whole bunch of\\b|\\b(?:it|this)(?:'s| is) (?:a|an) (?:[\\w-]+ ){0,3}(?:tool|library|package|framework|platform|app|extension|plugin|wrapper|project)\\b");
    /**
     * Told in the past: an event or scene ("was set up", "he asked", "they sold") rather than how things are. A
     * sentence is a scene when it has this and no {@link #PRESENT} verb.
     */
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:was|were|had|did|happened|went|came|said|asked|told|began|sold|bought|met|took|gave|spoke|won|wrote|threw|drew)\\b"
                    + "|\\b(?:i|we|he|she|they) (?:\\w+ly )?\\w+ed\\b");
    /** How things are, will be or should be: a present or modal verb, which a general claim needs. */
    private static final Pattern PRESENT = Pattern.compile(
            "\\b(?:is|are|am|isn't|aren't|can|can't|cannot|will|won't|should|shouldn't|must|does|doesn't|don't|do|has|have|need|needs|means|makes)\\b"
                    + "|\\b(?:it|that|there|he|she|what|this|here|who|which)'s\\b|\\b(?:you|we|they)'re\\b"
                    // what "we" did is a team's decision or finding more often than a scene: in meetings people mark it
                    + "|\\bwe\\b|\\bour\\b|\\bus\\b");
    private static final Pattern ENTHUSIASM = Pattern.compile(
            "\\b(?:that|it|this)(?:'s| is) (?:so |really |super |pretty )?(?:cool|neat|awesome|great|fun|funny|amazing|nice|wild)\\b"
                    + "|\\bi (?:really )?(?:love|like) (?:it|this|that)\\b|\\bcracks me up\\b|\\bsuper (?:cool|neat)\\b|\\bwow\\b");

    /**
     * Weights of each cue, chosen on podcasts-dev picks and held to meetings-dev hit@5 (docs/quality.md): a
     * general present-tense statement did not separate anything, and a heavier "because" or a heavier topic
     * announcement penalty cost meetings more than they gained on podcasts.
     */
    static final double W_REASON = 0.15, W_NUMBER = 0.2, W_COMPARISON = 0.15;
    static final double W_ANNOUNCE = 0.2, W_ANECDOTE = 0.3, W_ENTHUSIASM = 0.3, W_LIST = 0.2;
    /**
     * News framing, a tour of features and a told scene, each waived when the passage gives its reason (a scene
     * also by a comparison). 0.2 each held meetings-dev hit@5 at 0.553; 0.3 each cost 0.006. Counting a figure
     * with no reason or comparison beside it at half cost 0.013 (in meetings, people mark the numbers), and not
     * counting years and days of the month as figures moved two argued picks ("what it spent in 1920") out of the five.
     */
    static final double W_NEWS = 0.2, W_DESCRIPTION = 0.2, W_SCENE = 0.2;

    private ClaimCues() {
    }

    /** In -1..1: how much the passage reads as a claim with its support, minus how much as something else. */
    static double score(String text) {
        return score(List.of(features(text)));
    }

    /**
     * Which cues one sentence carries, found once per sentence: a passage is one to three sentences and every
     * window of the episode is scored, so matching the cues per window would read each sentence three times.
     */
    record Features(boolean reason, boolean number, boolean comparison, boolean announce, boolean anecdote,
                    boolean enthusiasm, boolean news, boolean description, boolean scene, int commas, int words) {
    }

    /** The cues in the order of {@link Features}' flags, one bit each, asked of each sentence in one pass. */
    static final PatternSet CUES = PatternSet.of(REASON, NUMBER, COMPARISON, ANNOUNCEMENT, ANECDOTE, ENTHUSIASM,
            NEWS, DESCRIPTION, PAST, PRESENT);

    static Features features(String sentence) {
        int bits = CUES.find(sentence.toLowerCase(Locale.ROOT));
        int commas = 0;
        for (int i = 0; i < sentence.length(); i++) if (sentence.charAt(i) == ',') commas++;
        boolean scene = (bits & 256) != 0 && (bits & 512) == 0;
        return new Features((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0,
                (bits & 32) != 0, (bits & 64) != 0, (bits & 128) != 0, scene, commas, Words.count(sentence));
    }

    /** The passage's score from its sentences' cues: a cue anywhere in the passage counts once. */
    static double score(List<Features> sentences) {
        boolean reason = false, number = false, comparison = false, announce = false, anecdote = false, enthusiasm = false;
        boolean news = false, description = false;
        int commas = 0, words = 0, scenes = 0;
        for (Features f : sentences) {
            reason |= f.reason();
            number |= f.number();
            comparison |= f.comparison();
            announce |= f.announce();
            anecdote |= f.anecdote();
            enthusiasm |= f.enthusiasm();
            news |= f.news();
            description |= f.description();
            if (f.scene()) scenes++;
            commas += f.commas();
            words += f.words();
        }
        double support = W_REASON * (reason ? 1 : 0) + W_NUMBER * (number ? 1 : 0) + W_COMPARISON * (comparison ? 1 : 0);
        // a story, a news item or a tour of features stands as a point only with its reason or consequence
        boolean scene = !reason && !comparison && scenes * 2 > sentences.size();
        double against = W_ANNOUNCE * (announce ? 1 : 0) + W_ANECDOTE * (anecdote ? 1 : 0)
                + W_ENTHUSIASM * (enthusiasm ? 1 : 0) + W_LIST * listLike(commas, words)
                + (reason ? 0 : W_NEWS * (news ? 1 : 0) + W_DESCRIPTION * (description ? 1 : 0)) + W_SCENE * (scene ? 1 : 0);
        return Math.max(-1, Math.min(1, support - against));
    }

    /** A run of names or items: many commas, few words between them. 1 for a plain list, 0 for prose. */
    static double listLike(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == ',') commas++;
        return listLike(commas, Words.count(text));
    }

    private static double listLike(int commas, int words) {
        if (commas < 4 || words == 0) return 0;
        double wordsPerItem = words / (double) (commas + 1);
        return wordsPerItem <= 3 ? 1 : wordsPerItem <= 5 ? 0.5 : 0;
    }

    /**
     * The sentence introduces an item of a show's rundown (a link, an article, a listener's tip) rather than
     * saying something about it. Narrower than the score's announcement cue: planning talk ("let's talk about
     * the budget") opens real points in meetings, a rundown's "first off, this was sent in by" never does.
     */
    static boolean opensRundownItem(String sentence) {
        return RUNDOWN_CUES.find(sentence.toLowerCase(Locale.ROOT)) != 0;
    }

    private static final Pattern RUNDOWN = Pattern.compile(
            "\\bnext up\\b|\\bfirst off\\b|\\bon to the next\\b|\\bsent (?:to us|in|this|us) by\\b|\\blistener\\b"
                    + "|\\bthis (?:article|blog post|post|week'?s|project|library|video|paper)\\b|\\bblog post\\b|\\bjump over\\b"
                    + "|\\bi want(?:ed)? to (?:talk|cover|mention|tell you|share|show|highlight) (?:about )?(?:this|a|an|the)\\b"
                    + "|\\bi'?ll (?:just )?run through\\b|\\bif (?:we|you) (?:go|look|scroll|click|jump) (?:to|at|down|over)\\b"
                    + "|\\bit'?s called\\b|\\bcheck (?:it|this|that) out\\b|\\bon the screen\\b|\\bi (?:found|came across)\\b");
    static final PatternSet RUNDOWN_CUES = PatternSet.of(RUNDOWN);

}
