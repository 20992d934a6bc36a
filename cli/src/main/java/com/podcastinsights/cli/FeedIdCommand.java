package com.podcastinsights.cli;

import picocli.CommandLine.Parameters;

/** A {@code feeds} command about one subscribed feed, named by the id {@code feeds list} shows. */
abstract class FeedIdCommand extends DataCommand {
    @Parameters(paramLabel = "ID", description = "the feed id")
    String id;

    /** Says on stderr that no feed has the id; returns the command's exit code, 1. */
    int unknown() {
        err().println("error: no feed with id " + id + " in " + data.describe());
        return 1;
    }
}
