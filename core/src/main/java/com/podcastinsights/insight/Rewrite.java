package com.podcastinsights.insight;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One step of a cleaning pass: every match of a pattern becomes what {@code replacement} makes of it (a
 * replacement string, so {@code $1} is the first group). A pass is a list of them applied in order, so the
 * order, on which each rule's correctness rests, is data one can read top to bottom.
 */
record Rewrite(Pattern pattern, Function<MatchResult, String> replacement) {

    /** Every match becomes {@code replacement} ({@code ""} drops it, {@code "$1"} keeps its first group). */
    static Rewrite of(String regex, String replacement) {
        return new Rewrite(Pattern.compile(regex), m -> replacement);
    }

    static Rewrite of(String regex, Function<MatchResult, String> replacement) {
        return new Rewrite(Pattern.compile(regex), replacement);
    }

    String apply(String text) {
        return pattern.matcher(text).replaceAll(replacement);
    }

    static String applyAll(List<Rewrite> rules, String text) {
        String s = text;
        for (Rewrite rule : rules) s = rule.apply(s);
        return s;
    }
}
