package com.podcastinsights.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A command that only groups others ({@code feeds}, {@code subscribers}...): run alone, it names its commands. */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        String last = names.remove(names.size() - 1);
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: " + (names.isEmpty() ? last : String.join(", ", names) + " or " + last));
    }
}
