package com.podcastinsights.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** An operator command on a data dir or a deployed table ({@link LocalData}): what they all hold. */
abstract class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    LocalData data;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
