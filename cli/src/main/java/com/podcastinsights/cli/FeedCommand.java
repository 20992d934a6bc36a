package com.podcastinsights.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code feed inspect}: look at one feed the way the fetch stage reads it, without subscribing. */
@Command(name = "feed", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Look at one feed as the pipeline parses it.",
        subcommands = {FeedInspectCommand.class})
public final class FeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: inspect");
    }
}
