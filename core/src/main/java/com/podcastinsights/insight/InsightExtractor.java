package com.podcastinsights.insight;

import com.podcastinsights.ids.Sha256;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.html.HtmlText;
import com.podcastinsights.transcript.ShowNotes;
import com.podcastinsights.transcript.Transcript;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the standalone passages of a transcript worth sending: splits it into sentences, groups a speaker's
 * consecutive sentences into passages of 1-3 sentences and 25-80 words, vetoes ads, intros, questions,
 * filler and dangling pronouns, scores the rest and keeps the best non-overlapping ones.
 *
 * <p>Deterministic: the same transcript always gives the same passages in the same order, which is what lets
 * a replayed event overwrite the same items instead of adding new ones.
 */
public final class InsightExtractor {
    static final int MIN_WORDS = 25;
    static final int MAX_WORDS = 80;
    static final int MAX_SENTENCES = 3;

    public List<RankedPassage> rank(Transcript transcript, int topN) {
        return rank(transcript, topN, null);
    }

    /**
     * The best {@code topN} passages; {@code showNotes} (HTML or text, may be null) lifts passages close to the
     * episode's notes. Notes that are the transcript's own source are ignored: every passage would match them.
     */
    public List<RankedPassage> rank(Transcript transcript, int topN, String showNotes) {
        return rank(transcript, topN, showNotes, ShowHistory.NONE);
    }

    /**
     * As {@link #rank(Transcript, int, String)}, knowing what the show said in its earlier episodes, so that
     * what it says every time (intro, ad reads, plugs, sign-off) is never picked.
     */
    public List<RankedPassage> rank(Transcript transcript, int topN, String showNotes, ShowHistory history) {
        String notes = ShowNotes.SOURCE.equals(transcript.source()) || showNotes == null || showNotes.isBlank() ? null
                : String.join("\n", HtmlText.lines(showNotes));
        List<Sentence> sentences = SentenceSplitter.split(transcript.segments() == null ? List.of() : transcript.segments(),
                "text".equals(transcript.source()));
        Boilerplate.Marks marks = Boilerplate.mark(sentences, history, transcript.language());
        List<Candidate> candidates = candidates(sentences, marks);
        if (candidates.isEmpty() || topN <= 0) return List.of();
        double[] scores = PassageScorer.score(candidates, sourceConfidence(transcript.source()), notes);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) order.add(i);
        order.sort(Comparator.<Integer>comparingDouble(i -> -scores[i])
                .thenComparingInt(i -> candidates.get(i).first())
                .thenComparingInt(i -> candidates.get(i).last()));
        String[] cleaned = new String[candidates.size()];
        rejudgeHead(candidates, scores, order, cleaned);
        List<Candidate> picked = new ArrayList<>();
        List<RankedPassage> out = new ArrayList<>();
        List<Integer> broken = new ArrayList<>();
        for (int i : order) {
            if (out.size() >= topN) break;
            Candidate c = candidates.get(i);
            if (picked.stream().anyMatch(c::overlaps)) continue;
            Candidate whole = PickRepair.repair(c, sentences, marks);
            if (whole == null || picked.stream().anyMatch(whole::overlaps)) {
                broken.add(i);
                continue;
            }
            pick(whole, c == whole ? cleaned[i] : null, scores[i], picked, out);
        }
        // an episode with too few whole thoughts still sends topN: the best of the rest, as they are
        for (int i : broken) {
            if (out.size() >= topN) break;
            Candidate c = candidates.get(i);
            if (picked.stream().noneMatch(c::overlaps)) pick(c, cleaned[i], scores[i], picked, out);
        }
        return out;
    }

    private static void pick(Candidate c, String cleaned, double score, List<Candidate> picked, List<RankedPassage> out) {
        picked.add(c);
        Sentence first = c.sentences().get(0);
        String text = cleaned != null ? cleaned : cleanText(c);
        out.add(new RankedPassage(text, c.sourceText(), round(score), first.startSeconds(), first.speaker()));
    }

    /**
     * The best {@link ReaderFit#HEAD} candidates are judged again as the reader would get them (cleaned): the
     * score is multiplied by {@link ReaderFit#factor} and the head re-sorted. {@code order} is changed in place.
     */
    private static void rejudgeHead(List<Candidate> candidates, double[] scores, List<Integer> order, String[] cleaned) {
        int head = Math.min(ReaderFit.HEAD, order.size());
        List<List<Sentence>> passages = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            int i = order.get(k);
            cleaned[i] = cleanText(candidates.get(i));
            passages.add(candidates.get(i).sentences());
            texts.add(cleaned[i]);
        }
        double[] factors = ReaderFit.factors(passages, texts);
        for (int k = 0; k < head; k++) scores[order.get(k)] *= factors[k];
        order.subList(0, head).sort(Comparator.<Integer>comparingDouble(i -> -scores[i])
                .thenComparingInt(i -> candidates.get(i).first())
                .thenComparingInt(i -> candidates.get(i).last()));
    }

    private static String cleanText(Candidate c) {
        return TextCleaner.clean(c.sentences().stream().map(Sentence::text).toList());
    }

    /** The episode's best passages as insights for {@code day}, ranked 1..n. */
    public List<ExtractedInsight> insights(Transcript transcript, Episode episode, String day, int topN) {
        return insights(transcript, episode, day, topN, ShowHistory.NONE);
    }

    /**
     * As {@link #insights(Transcript, Episode, String, int)}, knowing the show's earlier episodes. Passages from
     * show notes must clear {@link #NOTES_FLOOR}: notes are mostly bios, links and plugs, and an episode whose
     * notes say nothing about the subject contributes nothing rather than its least bad line.
     */
    public List<ExtractedInsight> insights(Transcript transcript, Episode episode, String day, int topN,
                                           ShowHistory history) {
        boolean notes = ShowNotes.SOURCE.equals(transcript.source());
        List<RankedPassage> passages = rank(transcript, topN, episode.showNotes(), history);
        List<ExtractedInsight> out = new ArrayList<>();
        for (RankedPassage p : passages) {
            if (notes && p.score() < NOTES_FLOOR) continue;
            String link = notes ? firstNonBlank(episode.link(), episode.enclosureUrl()) : momentLink(episode, p.startSeconds());
            Insight insight = new Insight(insightId(episode, p), episode.feedId(), episode.id(),
                    episode.podcastTitle(), episode.title(), p.text(), p.score(), notes ? 0 : p.startSeconds(),
                    p.speaker(), link, episode.link(), day, transcript.source(), transcript.language());
            out.add(new ExtractedInsight(out.size() + 1, insight, p.sourceText()));
        }
        return out;
    }

    /** The least score a passage of show notes needs to be sent (scores are 0..1; notes are discounted to 0.6). */
    static final double NOTES_FLOOR = 0.3;

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** Show notes are written about the episode, not said in it, so they are weaker evidence of an insight. */
    static double sourceConfidence(String source) {
        if (source == null) return 0.8;
        return switch (source.toLowerCase(Locale.ROOT)) {
            case "json", "vtt", "srt" -> 1.0;
            case "html", "text" -> 0.9;
            case "show-notes" -> 0.6;
            default -> 0.8;
        };
    }

    static String momentLink(Episode episode, double startSeconds) {
        String base = episode.enclosureUrl();
        if (base == null || base.isBlank()) return episode.link();
        int hash = base.indexOf('#');
        if (hash >= 0) base = base.substring(0, hash);
        return base + "#t=" + (long) startSeconds;
    }

    /**
     * At most one passage per starting sentence: the windows that start at the same sentence say nearly the
     * same thing, so only the one with the best cues and length (the shorter on a tie) goes on to the
     * similarity graph, which keeps that graph linear in the episode's length rather than three times it.
     */
    private static List<Candidate> candidates(List<Sentence> sentences, Boilerplate.Marks marks) {
        List<Candidate> out = new ArrayList<>();
        boolean cased = mostlyCapitalized(sentences);
        boolean[] vetoed = new boolean[sentences.size()];
        for (int k = 0; k < vetoed.length; k++) {
            vetoed[k] = marks.marked(k) || PassageFilter.rejectSentence(sentences.get(k).text()) != null;
        }
        double[] turnPosition = turnPositions(sentences);
        ClaimCues.Features[] claims = new ClaimCues.Features[sentences.size()];
        SentenceStats[] stats = new SentenceStats[sentences.size()];
        int[] wordCounts = new int[sentences.size()];
        for (int k = 0; k < claims.length; k++) {
            claims[k] = ClaimCues.features(sentences.get(k).text());
            stats[k] = SentenceStats.of(sentences.get(k).text());
            wordCounts[k] = stats[k].tokens();
        }
        for (int i = 0; i < sentences.size(); i++) {
            // in a transcript that capitalizes its sentences, a lower-case start that is not a clause boundary
            // ("so", "and", "um") is where the splitter had to cut a run-on mid-clause: the reader would miss
            // the beginning of the thought
            if (cased && startsMidClause(sentences.get(i).text())) continue;
            // "A lot more than resting." answers the question before it and means nothing without it; the
            // speaker's thought starts with the next sentence
            if (shortReply(sentences, i)) continue;
            // "Very low cost." or "Thread pool executor." opening a passage is the tail of a thought, not its start
            if (wordCounts[i] < MIN_OPENING_WORDS) continue;
            // "Let's jump over and talk about X" opens a segment; the reader needs what is said about X
            if (ClaimCues.opensRundownItem(sentences.get(i).text())) continue;
            // what follows a read in the same breath ("...at Storytel.com. And this week I'm recommending...")
            // is still the read more often than not
            if (i > 0 && marks.marked(i - 1) && sentences.get(i - 1).turn() == sentences.get(i).turn()) continue;
            boolean opensTurn = opensTurn(sentences, i) || (i > 0 && shortReply(sentences, i - 1));
            Candidate best = null;
            double bestPrior = -1;
            int words = 0;
            for (int j = i; j < sentences.size() && j < i + MAX_SENTENCES; j++) {
                if (sentences.get(j).turn() != sentences.get(i).turn()) break;
                if (j > i && sentences.get(j).topicShift()) break;
                if (vetoed[j]) break;
                words += wordCounts[j];
                if (words > MAX_WORDS) break;
                if (words < MIN_WORDS) continue;
                List<Sentence> span = sentences.subList(i, j + 1);
                SentenceStats figures = SentenceStats.sum(Arrays.asList(stats).subList(i, j + 1));
                if (PassageFilter.rejectPassage(sentences.get(i).text(), figures) != null) continue;
                double prior = PassageScorer.prior(figures, ClaimCues.score(Arrays.asList(claims).subList(i, j + 1)));
                Candidate c = new Candidate(i, j, List.copyOf(span), opensTurn, prior, turnPosition[i], marks.chosen()[i]);
                if (prior > bestPrior + 1e-9) {
                    best = c;
                    bestPrior = prior;
                }
            }
            if (best != null) out.add(best);
        }
        return out;
    }

    static final int MAX_REPLY_WORDS = 8;
    static final int MIN_OPENING_WORDS = 6;

    /** For each sentence, the share of its turn's words said before it: 0 opens the turn, near 1 closes it. */
    static double[] turnPositions(List<Sentence> sentences) {
        double[] out = new double[sentences.size()];
        int start = 0;
        while (start < sentences.size()) {
            int end = start;
            int total = 0;
            while (end < sentences.size() && sentences.get(end).turn() == sentences.get(start).turn()) {
                total += sentences.get(end++).words();
            }
            int before = 0;
            for (int k = start; k < end; k++) {
                out[k] = total == 0 ? 0 : before / (double) total;
                before += sentences.get(k).words();
            }
            start = end;
        }
        return out;
    }

    private static boolean opensTurn(List<Sentence> sentences, int i) {
        return i == 0 || sentences.get(i - 1).turn() != sentences.get(i).turn();
    }

    /** A few words that open a turn right after someone else's question: an answer, not a statement. */
    static boolean shortReply(List<Sentence> sentences, int i) {
        return i > 0 && opensTurn(sentences, i) && sentences.get(i).words() <= MAX_REPLY_WORDS
                && PassageFilter.isQuestion(sentences.get(i - 1).text());
    }

    static boolean mostlyCapitalized(List<Sentence> sentences) {
        int upper = 0;
        for (Sentence s : sentences) if (!startsLowerCase(s.text())) upper++;
        return upper * 2 > sentences.size();
    }

    private static final Set<String> CLAUSE_OPENERS = Set.of("so", "and", "but", "or", "um", "uh",
            "now", "okay", "ok", "well", "anyway", "however", "alright", "because", "then", "also", "which");

    static boolean startsMidClause(String text) {
        if (!startsLowerCase(text)) return false;
        List<String> tokens = Words.tokens(text);
        return tokens.isEmpty() || !CLAUSE_OPENERS.contains(tokens.get(0));
    }

    static boolean startsLowerCase(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) return Character.isLowerCase(c);
            if (Character.isDigit(c)) return false;
        }
        return false;
    }

    private static String insightId(Episode episode, RankedPassage p) {
        String identity = episode.feedId() + "\n" + episode.id() + "\n" + (long) p.startSeconds() + "\n" + p.sourceText();
        return Sha256.hex(identity).substring(0, 16);
    }

    private static double round(double score) {
        return Math.round(score * 1_000_000d) / 1_000_000d;
    }
}
