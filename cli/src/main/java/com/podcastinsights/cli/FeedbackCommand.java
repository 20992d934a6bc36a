package com.podcastinsights.cli;

import com.podcastinsights.digest.ReaderFeedback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code feedback}: readers' "useful" and "not for me" votes, totalled per show. */
@Command(name = "feedback", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Readers' votes on insights (from the digest's Useful / Not for me links), per show.")
public final class FeedbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    LocalData data;

    @Override
    public Integer call() {
        List<ReaderFeedback.ShowTotals> totals = new ReaderFeedback(data.table()).totals();
        var out = spec.commandLine().getOut();
        if (totals.isEmpty()) {
            out.println("no shows in " + data.describe());
            return 0;
        }
        out.printf("%6s %10s  %s%n", "useful", "not for me", "show");
        for (ReaderFeedback.ShowTotals t : totals) {
            out.printf("%6d %10d  %s%n", t.useful(), t.notForMe(), t.title() == null ? t.feedId() : t.title());
        }
        return 0;
    }
}
