package com.podcastinsights.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Several cue patterns asked one question each, "does it occur anywhere in this sentence?", with exactly the
 * answers of {@code pattern.matcher(text).find()}, but cheaply. The cue patterns are long alternations, and a
 * regex engine tries every alternative at every position of every sentence: in the C1-only code ExtractInsights
 * runs in Lambda, that was most of the extraction time.
 *
 * <p>Each pattern is split at its top-level {@code |} (a pattern finds a match exactly when one of its
 * alternatives does), and each alternative gets a trigger: a word it cannot match without, read off its
 * literal text. A sentence is cut once into runs of ASCII word characters (what {@code \b} sees as a word),
 * each run is looked up among the triggers that start with its first two characters, and only the alternatives
 * whose trigger is there are run. A word that {@code \b} or a non-word character bounds on both sides must be a
 * whole run ({@code "because"}), on one side a run's start or end; other literal text is searched as a
 * substring; an alternative without a word waits for a character it needs (a digit for {@code \d}, a
 * {@code %}), and one without either always runs. {@code PatternSetTest} checks the answers against
 * the patterns themselves on every sentence we hold.
 */
final class PatternSet {
    /** Words so common that a trigger on them filters nothing; a rarer word of the alternative is preferred. */
    private static final Set<String> COMMON = Set.of("a", "an", "the", "to", "of", "and", "or", "in", "on", "at", "is",
            "it", "i", "you", "we", "they", "that", "this", "for", "with", "be", "so", "my", "our", "your", "me", "us",
            "are", "was", "by", "as", "if", "do", "not", "have", "has", "s", "he", "she", "what", "but", "there");
    private static final int BUCKETS = 38 * 38;

    private enum Kind { EXACT, PREFIX, SUFFIX, INFIX }

    private record Trigger(String word, Kind kind, int[] alternatives) {
    }

    private final Pattern[] patterns;
    private final Pattern[] alternatives;
    /** For each alternative, the pattern (bit) it belongs to. */
    private final int[] owner;
    private final int[] always;
    /** Alternatives without a word but with a character they need ({@link #DIGIT}: an ASCII digit, as {@code \d}). */
    private final char[] characters;
    private final int[] characterAlternatives;
    private static final char DIGIT = '\u0001';
    /** Whole-run, run-start and run-end triggers, by their first two characters (run-end: its last two). */
    private final Trigger[][] starts = new Trigger[BUCKETS][];
    private final Trigger[][] ends = new Trigger[BUCKETS][];
    private final Trigger[] infixes;

    private PatternSet(Pattern[] patterns) {
        if (patterns.length > 32) throw new IllegalArgumentException("at most 32 patterns, one bit each");
        this.patterns = patterns.clone();
        List<Pattern> alts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Integer> alwaysRun = new ArrayList<>();
        List<Character> charTriggers = new ArrayList<>();
        List<Integer> charAlternatives = new ArrayList<>();
        Map<String, List<Integer>> byTrigger = new LinkedHashMap<>();
        for (int p = 0; p < patterns.length; p++) {
            for (String alt : split(patterns[p].pattern())) {
                int index = alts.size();
                alts.add(Pattern.compile(alt, patterns[p].flags()));
                owners.add(p);
                Choice choice = trigger(alt);
                char c = choice == null ? characterTrigger(alt) : 0;
                if (c != 0) {
                    charTriggers.add(c);
                    charAlternatives.add(index);
                } else if (choice == null) alwaysRun.add(index);
                else for (Word w : choice.words) byTrigger.computeIfAbsent(w.kind + ":" + w.text, k -> new ArrayList<>()).add(index);
            }
        }
        alternatives = alts.toArray(Pattern[]::new);
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
        always = alwaysRun.stream().mapToInt(Integer::intValue).toArray();
        characters = new char[charTriggers.size()];
        for (int k = 0; k < characters.length; k++) characters[k] = charTriggers.get(k);
        characterAlternatives = charAlternatives.stream().mapToInt(Integer::intValue).toArray();
        List<Trigger> infix = new ArrayList<>();
        List<List<Trigger>> s = new ArrayList<>(), e = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            s.add(new ArrayList<>());
            e.add(new ArrayList<>());
        }
        for (var entry : byTrigger.entrySet()) {
            int colon = entry.getKey().indexOf(':');
            Kind kind = Kind.valueOf(entry.getKey().substring(0, colon));
            String word = entry.getKey().substring(colon + 1);
            Trigger t = new Trigger(word, kind, entry.getValue().stream().mapToInt(Integer::intValue).toArray());
            switch (kind) {
                case EXACT, PREFIX -> s.get(bucket(word, 0, word.length() == 1 ? -1 : 1)).add(t);
                case SUFFIX -> e.get(bucket(word, word.length() - 1, word.length() == 1 ? -1 : word.length() - 2)).add(t);
                case INFIX -> infix.add(t);
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            starts[b] = s.get(b).toArray(Trigger[]::new);
            ends[b] = e.get(b).toArray(Trigger[]::new);
        }
        infixes = infix.toArray(Trigger[]::new);
    }

    static PatternSet of(Pattern... patterns) {
        return new PatternSet(patterns);
    }

    static PatternSet of(List<Pattern> patterns) {
        return new PatternSet(patterns.toArray(Pattern[]::new));
    }

    /** Bit k set when pattern k occurs in {@code text}: exactly {@code patterns[k].matcher(text).find()}. */
    int find(String text) {
        boolean[] candidate = new boolean[alternatives.length];
        int n = text.length();
        int i = 0;
        boolean digit = false;
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            for (char c; i < n && isWordChar(c = text.charAt(i)); i++) digit |= c <= '9';
            mark(starts[bucket(text, start, i - start == 1 ? -1 : start + 1)], text, start, i, candidate);
            mark(ends[bucket(text, i - 1, -1)], text, start, i, candidate);
            if (i - start > 1) {
                // one-letter triggers live under that letter alone: look there too for longer runs
                mark(starts[bucket(text, start, -1)], text, start, i, candidate);
                mark(ends[bucket(text, i - 1, i - 2)], text, start, i, candidate);
            }
        }
        String folded = null;
        for (Trigger t : infixes) {
            if (folded == null) folded = foldAscii(text);
            if (folded.contains(t.word)) for (int a : t.alternatives) candidate[a] = true;
        }
        for (int a : always) candidate[a] = true;
        for (int k = 0; k < characters.length; k++) {
            if (characters[k] == DIGIT ? digit : text.indexOf(characters[k]) >= 0) candidate[characterAlternatives[k]] = true;
        }
        int bits = 0;
        for (int a = 0; a < alternatives.length; a++) {
            int bit = 1 << owner[a];
            if (candidate[a] && (bits & bit) == 0 && alternatives[a].matcher(text).find()) bits |= bit;
        }
        return bits;
    }

    /** The same answer from the patterns themselves, for tests. */
    int findUnfiltered(String text) {
        int bits = 0;
        for (int k = 0; k < patterns.length; k++) if (patterns[k].matcher(text).find()) bits |= 1 << k;
        return bits;
    }

    private static void mark(Trigger[] bucket, String text, int start, int end, boolean[] candidate) {
        int len = end - start;
        for (Trigger t : bucket) {
            int w = t.word.length();
            boolean hit = switch (t.kind) {
                case EXACT -> len == w && matchesAt(text, start, t.word);
                case PREFIX -> len >= w && matchesAt(text, start, t.word);
                case SUFFIX -> len >= w && matchesAt(text, end - w, t.word);
                case INFIX -> false;
            };
            if (hit) for (int a : t.alternatives) candidate[a] = true;
        }
    }

    /** Case-insensitively in ASCII, as a {@code CASE_INSENSITIVE} pattern compares (a lower-case one only matches less). */
    private static boolean matchesAt(String text, int at, String word) {
        for (int k = 0; k < word.length(); k++) if (lower(text.charAt(at + k)) != word.charAt(k)) return false;
        return true;
    }

    private static String foldAscii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) b.append(lower(text.charAt(k)));
        return b.toString();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** What {@code \b} counts as a word character, in ASCII: a run of these is a word to the triggers. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static int bucket(CharSequence s, int first, int second) {
        return code(s.charAt(first)) * 38 + (second < 0 ? 37 : code(s.charAt(second)));
    }

    private static int code(char c) {
        char l = lower(c);
        return l >= 'a' && l <= 'z' ? l - 'a' : l >= '0' && l <= '9' ? 26 + l - '0' : 36;
    }

    /** The pattern's top-level alternatives. */
    static List<String> split(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                char next = regex.charAt(++i);
                // a back reference names a group by number, which splitting would renumber
                if (next >= '1' && next <= '9' || next == 'k') throw new IllegalArgumentException("back reference: " + regex);
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                // an inline flag at the top level would apply to the first alternative only once split
                if (depth == 0 && regex.startsWith("(?", i) && i + 2 < regex.length()
                        && Character.isLetter(regex.charAt(i + 2)) && !regex.startsWith("(?<", i)) {
                    throw new IllegalArgumentException("inline flags: " + regex);
                }
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }

    /** The index of the {@code ]} that closes the class opened at {@code open}. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') i++;
        if (i < regex.length() && regex.charAt(i) == ']') i++; // a leading ] is a literal
        int depth = 1;
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return i;
        }
        throw new IllegalArgumentException("unclosed class: " + regex);
    }

    private record Word(String text, Kind kind) {
    }

    /** Words an alternative cannot match without at least one of. */
    record Choice(List<Word> words) {
        int score() {
            int min = Integer.MAX_VALUE;
            for (Word w : words) min = Math.min(min, PatternSet.score(w));
            return min;
        }
    }

    /** One element of an alternative. {@code bounds}: a word cannot run across it. */
    private record Atom(char word, char other, boolean bounds, String group, boolean optional, boolean repeated) {
        boolean isWordChar() {
            return word != 0 && !optional && !repeated;
        }

        boolean isBound() {
            return bounds && !optional;
        }
    }

    static Choice trigger(String alt) {
        return trigger(alt, false, false);
    }

    /**
     * The best choice of words this alternative cannot match without, or null. Literal word characters make
     * words; what stands before and after a word says whether it is bounded there ({@code leftAtStart} and
     * {@code rightAtEnd}: what the alternative's surroundings say). {@code \b}, {@code ^}, {@code $}, a literal
     * non-word character, a required {@code \s} or a group of those bound; anything else, or anything made
     * optional by its quantifier, is not known to. A required group of alternatives gives the choice of its
     * alternatives' own triggers.
     */
    private static Choice trigger(String alt, boolean leftAtStart, boolean rightAtEnd) {
        List<Atom> atoms = atoms(alt);
        List<Choice> choices = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < atoms.size(); k++) {
            Atom atom = atoms.get(k);
            boolean left = k == 0 ? leftAtStart : atoms.get(k - 1).isBound();
            boolean right = k + 1 == atoms.size() ? rightAtEnd : atoms.get(k + 1).isBound();
            if (atom.isWordChar()) {
                if (word.isEmpty()) word.append(left ? '<' : '.');
                word.append(atom.word);
                if (k + 1 < atoms.size() && atoms.get(k + 1).isWordChar()) continue;
                boolean bounded = word.charAt(0) == '<';
                String text = word.substring(1);
                Kind kind = bounded && right ? Kind.EXACT : bounded ? Kind.PREFIX : right ? Kind.SUFFIX : Kind.INFIX;
                choices.add(new Choice(List.of(new Word(text, kind))));
                word.setLength(0);
            } else if (atom.group != null && !atom.optional && !atom.repeated) {
                List<Word> any = new ArrayList<>();
                for (String inner : split(atom.group)) {
                    Choice c = trigger(inner, left, right);
                    if (c == null) {
                        any = null;
                        break;
                    }
                    any.addAll(c.words);
                }
                if (any != null) choices.add(new Choice(any));
            }
        }
        Choice best = null;
        for (Choice c : choices) if (best == null || c.score() > best.score()) best = c;
        return best;
    }

    /** The alternative as a row of atoms, each with its quantifier. Lookarounds and classes bound nothing. */
    private static List<Atom> atoms(String alt) {
        List<Atom> out = new ArrayList<>();
        int i = 0;
        while (i < alt.length()) {
            char c = alt.charAt(i);
            int end;
            char word = 0, other = 0;
            boolean bounds = false;
            String group = null;
            if (c == '\\') {
                char e = alt.charAt(i + 1);
                end = e == 'p' || e == 'P' ? alt.indexOf('}', i) + 1 : i + 2;
                if (e == 'b' || e == 's' || e == 'W') bounds = true;
                else if (e == 'd') other = DIGIT;
                else if (!Character.isLetterOrDigit(e)) {
                    if (isWordChar(e)) word = Character.toLowerCase(e);
                    else bounds = true;
                    if (!isWordChar(e)) other = e;
                }
            } else if (c == '[') {
                end = classEnd(alt, i) + 1;
            } else if (c == '(') {
                end = groupEnd(alt, i) + 1;
                String inside = alt.substring(i + 1, end - 1);
                if (inside.startsWith("?:")) group = inside.substring(2);
                else if (!inside.startsWith("?")) group = inside;
                if (group != null && boundsOnly(group)) {
                    bounds = true;
                    group = null;
                }
            } else if (c == '^' || c == '$') {
                end = i + 1;
                bounds = true;
            } else if (c == '.') {
                end = i + 1;
            } else {
                end = i + 1;
                if (isWordChar(c)) word = Character.toLowerCase(c);
                else bounds = true;
                if (!isWordChar(c)) other = c;
            }
            boolean optional = false, repeated = false;
            if (end < alt.length()) {
                char m = alt.charAt(end);
                if (m == '?' || m == '*') {
                    optional = true;
                    end++;
                } else if (m == '+') {
                    repeated = true;
                    end++;
                } else if (m == '{') {
                    optional = alt.charAt(end + 1) == '0';
                    repeated = true;
                    end = alt.indexOf('}', end) + 1;
                }
                if ((optional || repeated) && end < alt.length() && (alt.charAt(end) == '?' || alt.charAt(end) == '+')) end++;
            }
            out.add(new Atom(word, other, bounds, group, optional, repeated));
            i = end;
        }
        return out;
    }

    /** A character the alternative cannot match without, when it has no word to go by; 0 when none. */
    private static char characterTrigger(String alt) {
        for (Atom a : atoms(alt)) if (a.other != 0 && !a.optional && a.group == null) return a.other;
        return 0;
    }

    /** A group each of whose alternatives is one bounding atom, as {@code (?:^|\W)}. */
    private static boolean boundsOnly(String group) {
        for (String inner : split(group)) {
            List<Atom> a = atoms(inner);
            if (a.size() != 1 || !a.get(0).isBound()) return false;
        }
        return true;
    }

    /** Whole runs and run starts are cheapest to look up; common words and short substrings filter least. */
    private static int score(Word w) {
        boolean byRun = w.kind != Kind.INFIX;
        boolean common = COMMON.contains(w.text);
        int len = Math.min(w.text.length(), 8);
        if (byRun && !common) return 100 + len;
        if (!common && w.text.length() >= 4) return 50 + len;
        if (byRun) return 20 + len;
        return 10 + len;
    }

    private static int groupEnd(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') i = classEnd(regex, i);
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        throw new IllegalArgumentException("unclosed group: " + regex);
    }
}
