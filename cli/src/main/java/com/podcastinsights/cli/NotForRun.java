package com.podcastinsights.cli;

import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The deployed-stack options of the operator commands, which {@code run} takes only to refuse: it runs locally,
 * and an operator who passes {@code --stack} to it should learn where the option belongs rather than see it unknown.
 */
final class NotForRun {
    @Option(names = "--stack", paramLabel = "NAME", description = "not for run: a deployed stack runs on its schedules (feeds and subscribers take --stack)")
    String stack;

    @Option(names = "--endpoint", paramLabel = "URL", description = "not for run: it runs locally (feeds and subscribers take --endpoint)")
    String endpoint;

    /** Why {@code run} refuses what was given, when one of them was. */
    Optional<String> refusal() {
        if (stack == null && endpoint == null) return Optional.empty();
        return Optional.of("error: " + (stack != null ? "--stack" : "--endpoint")
                + " is not for `run`, which only runs locally (--sample or --feeds FILE.opml)."
                + " A deployed stack runs on its schedules; manage its feeds and subscribers with"
                + " `feeds ... --stack NAME` and `subscribers ... --stack NAME` (see README.md, Deploy).");
    }
}
