package com.podcastinsights.cli;

import com.podcastinsights.digest.ReaderFeedback;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code feedback}: readers' "useful" and "not for me" votes, totalled per show. */
@Command(name = "feedback", description = "Readers' votes on insights (from the digest's Useful / Not for me links), per show.")
public final class FeedbackCommand extends DataCommand {

    @Override
    public Integer call() {
        List<ReaderFeedback.ShowTotals> totals = new ReaderFeedback(data.table()).totals();
        var out = out();
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
