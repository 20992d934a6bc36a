package com.podcastinsights.cli;

import picocli.CommandLine.Command;

/** {@code feed inspect}: look at one feed the way the fetch stage reads it, without subscribing. */
@Command(name = "feed", description = "Look at one feed as the pipeline parses it.",
        subcommands = {FeedInspectCommand.class})
public final class FeedCommand extends CommandGroup {}
